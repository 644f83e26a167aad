// DuckDB beside ntm (bench/duckdb.sh): the same CSV loaded, the same rules
// evaluated with one query, the verdicts compared with ours.
//
//   node duckdb.mjs load FILE.csv
//     prints "rows ms": FILE loaded into a table (read_csv, types detected).
//   node duckdb.mjs evaluate 'DIR/obs_2024_*.csv' UNITS.csv DATE OURS.csv
//     loads the observation files, then evaluates every commune of UNITS
//     (code,region) at DATE with the national benchmark's rules (measure m
//     belongs to criterion m % 19; every indicator ">=" the threshold of
//     the commune's region for the year; a criterion is met when all its
//     indicators are; the latest value on or before DATE that counts —
//     verified or submitted), median of 3; then compares each commune's
//     criteria met with OURS (ntm evaluate --all --format csv). Prints
//     "load_ms rows eval_ms communes agree disagree".
import { DuckDBInstance } from "@duckdb/node-api";

const [mode, ...args] = process.argv.slice(2);
const db = await (await DuckDBInstance.create(":memory:")).connect();
const ms = () => Number(process.hrtime.bigint() / 1000n) / 1000;
const one = async (sql) => (await db.runAndReadAll(sql)).getRows();
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";

// The thresholds of the benchmark's set (bench/national_bench.cc) from 2020.
const THRESHOLDS = { default: 60, TDMNPB: 50, TN: 55, DBSCL: 55 };

if (mode === "load") {
  const t = ms();
  await db.run(`CREATE TABLE obs AS SELECT * FROM read_csv(${quote(args[0])}, header = true)`);
  const [[rows]] = await one("SELECT COUNT(*) FROM obs");
  console.log(`${rows} ${(ms() - t).toFixed(0)}`);
} else if (mode === "evaluate") {
  const [glob, units, date, ours] = args;
  let t = ms();
  await db.run(
    `CREATE TABLE obs AS SELECT * FROM read_csv(${quote(glob)}, header = true,
       columns = {'unit_code': 'VARCHAR', 'measure': 'VARCHAR', 'date': 'DATE',
                  'value': 'DOUBLE', 'status': 'VARCHAR'})`);
  const loadMs = ms() - t;
  const [[rows]] = await one("SELECT COUNT(*) FROM obs");
  await db.run(
    `CREATE TABLE unit AS SELECT * FROM read_csv(${quote(units)}, header = true,
       columns = {'code': 'VARCHAR', 'region': 'VARCHAR'})`);
  const thresholds = Object.entries(THRESHOLDS).map(([r, v]) => `(${quote(r)}, ${v})`).join(", ");
  await db.run(`CREATE TABLE threshold (region VARCHAR, value DOUBLE)`);
  await db.run(`INSERT INTO threshold VALUES ${thresholds}`);
  const query = `
    WITH latest AS (
      SELECT unit_code, measure, arg_max(value, date) AS value FROM obs
      WHERE date <= DATE ${quote(date)} AND status IN ('verified', 'submitted')
      GROUP BY unit_code, measure),
    indicator AS (SELECT 'm' || m AS measure, m % 19 AS criterion FROM range(60) t(m)),
    judged AS (
      SELECT u.code, i.criterion,
             bool_and(COALESCE(l.value >= COALESCE(t.value, d.value), false)) AS met
      FROM unit u CROSS JOIN indicator i
      LEFT JOIN latest l ON l.unit_code = u.code AND l.measure = i.measure
      LEFT JOIN threshold t ON t.region = u.region
      JOIN threshold d ON d.region = 'default'
      GROUP BY u.code, i.criterion)
    SELECT code, COUNT(*) FILTER (WHERE met) AS criteria_met FROM judged GROUP BY code`;
  const times = [];
  let verdicts = [];
  for (let run = 0; run < 3; ++run) {
    t = ms();
    verdicts = await one(query);
    times.push(ms() - t);
  }
  times.sort((a, b) => a - b);
  // Ours: unit_code,unit_name,criteria_met,... (CSV; names may be quoted).
  const { readFileSync } = await import("node:fs");
  const mine = new Map();
  for (const line of readFileSync(ours, "utf8").trim().split("\n").slice(1)) {
    const code = line.slice(0, line.indexOf(","));
    const fields = line.match(/,(\d+),(\d+),[a-z_]+$/);
    if (fields) mine.set(code, Number(fields[1]));
  }
  let agree = 0, disagree = 0;
  for (const [code, met] of verdicts) {
    if (mine.get(code) === Number(met)) ++agree;
    else {
      if (disagree < 5) console.error(`differs: ${code} duckdb ${met} ntm ${mine.get(code)}`);
      ++disagree;
    }
  }
  disagree += Math.max(0, mine.size - verdicts.length);  // communes DuckDB did not see
  console.log(`${loadMs.toFixed(0)} ${rows} ${times[1].toFixed(0)} ${verdicts.length} ${agree} ${disagree}`);
} else {
  console.error("usage: duckdb.mjs load FILE | evaluate GLOB UNITS DATE OURS");
  process.exit(2);
}
