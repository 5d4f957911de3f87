using ComplaintDesk.LoadRunner;

// Correctness under load, for tests/load/*.sh (loopback only; every loop is bounded in time):
//   mixed   --base URL --seconds 60 --connections 64 --acked FILE   browse, register, move, report at once
//   intake  --base URL --seconds 30 --connections 32 --acked FILE   registrations only (for the crash test)
//   verify  --db FILE --acked FILE                                  every acknowledged complaint stored, numbers unique, integrity ok
//   session --a URL --b URL [--via URL]                             signed in on one instance, served by the other; forms cross instances
var options = Options.Parse(args);
return options.Command switch
{
    "mixed" => await Scenarios.MixedAsync(options, registerOnly: false),
    "intake" => await Scenarios.MixedAsync(options, registerOnly: true),
    "verify" => Scenarios.Verify(options),
    "session" => await Scenarios.SessionAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LoadRunner mixed|intake|verify|session [options]; see Program.cs");
    return 2;
}
