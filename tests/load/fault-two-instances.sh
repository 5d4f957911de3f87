#!/usr/bin/env bash
# Two instances over one database behind nginx (Debian's package, loopback): signed in through one, still
# signed in through the other; forms posted across instances pass antiforgery; clock events recorded once.
# Usage: tests/load/fault-two-instances.sh DATA_FOLDER
source "$(dirname "$0")/lib.sh"
need nginx nginx
data="$1"
RUNNER="dotnet $ROOT/tests/load/LoadRunner/bin/Release/net10.0/LoadRunner.dll"
echo "== two instances behind nginx"
start_app "$data" 5183; APP1=$APP_PID
start_app "$data" 5184; APP2=$APP_PID
NGINX_CONF="$OUT/nginx.conf"
cat >"$NGINX_CONF" <<CONF
worker_processes 1;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream complaintdesk { server 127.0.0.1:5183; server 127.0.0.1:5184; }
  server {
    listen 127.0.0.1:5185;
    location / {
      proxy_pass http://complaintdesk;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
nginx -c "$NGINX_CONF"
$RUNNER session --a http://127.0.0.1:5183 --b http://127.0.0.1:5184 --via http://127.0.0.1:5185 | tee -a "$OUT/results.txt"
$RUNNER mixed --base http://127.0.0.1:5185 --seconds 10 --connections 16 --acked "$OUT/acked-two.txt" | tee -a "$OUT/results.txt"
sleep 3
nginx -c "$NGINX_CONF" -s stop; NGINX_CONF=""
stop_app "$APP1"; stop_app "$APP2"
$RUNNER verify --db "$data/complaintdesk.db" --acked "$OUT/acked-two.txt" | tee -a "$OUT/results.txt"
