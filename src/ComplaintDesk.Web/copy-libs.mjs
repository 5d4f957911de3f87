// Copies the front-end libraries from node_modules into wwwroot/lib, where the app serves them.
// Run after `npm install` when a version in package.json changes; the copies are committed so that
// building and running the app needs only the .NET SDK.
import { cpSync, mkdirSync } from "node:fs";

const files = [
  ["bootstrap/dist/css/bootstrap.min.css", "bootstrap/bootstrap.min.css"],
  ["bootstrap/dist/js/bootstrap.bundle.min.js", "bootstrap/bootstrap.bundle.min.js"],
  ["bootstrap/LICENSE", "bootstrap/LICENSE"],
  ["echarts/dist/echarts.min.js", "echarts/echarts.min.js"],
  ["echarts/LICENSE", "echarts/LICENSE"],
];
for (const [from, to] of files) {
  mkdirSync(new URL(`./wwwroot/lib/${to.split("/")[0]}`, import.meta.url), { recursive: true });
  cpSync(new URL(`./node_modules/${from}`, import.meta.url), new URL(`./wwwroot/lib/${to}`, import.meta.url));
}
console.log(`copied ${files.length} files into wwwroot/lib`);
