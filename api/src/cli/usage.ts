/** Help texts: `pnpm cli --help`, `pnpm cli user --help`, `pnpm cli user create --help`. */

const overall = `Usage: pnpm cli <command> [options]

Admin tasks against the same database as the app (DATABASE_URL, or the embedded one in DATA_DIR).
With the embedded database, stop the app first: only one process may open it.

Commands:
  user create   Create a user with a password
  user role     Change a user's role
  token create  Create an API token for a user; prints only the token
  decisions import  Import Markdown ADRs (a folder, a zip or files) as a team's decisions
  incidents import  Import incidents from a CSV, JSON or NDJSON file (--dry-run to preview)
  export        Write the org to a folder as NDJSON files and a manifest (a backup)

Run "pnpm cli <command> --help" for a command's options.`

const userCreate = `Usage: pnpm cli user create --email <email> --name <name> --role <role> [--team <slug>]...

Creates a user who signs in with a password. The password is the first line of standard
input when it is piped in (echo "$PASSWORD" | pnpm cli user create ...); otherwise one is
generated and printed once.

Options:
  --email <email>  Sign-in email (unique, case-insensitive)
  --name <name>    Display name
  --role <role>    member, lead, leader or admin
  --team <slug>    A team to join; repeat for several
  -h, --help       Show this help`

const userRole = `Usage: pnpm cli user role --email <email> --role <role>

Changes a user's role; it takes effect on their next request.

Options:
  --email <email>  The user's email
  --role <role>    member, lead, leader or admin
  -h, --help       Show this help`

const tokenCreate = `Usage: pnpm cli token create --email <email> [--label <text>]

Creates an API token for the user and prints it alone on standard output, so it can be
captured: TOKEN=$(pnpm cli token create --email ops@example.com --label deploy).
It is shown once; only its hash is stored.

Options:
  --email <email>  The user the token acts as
  --label <text>   What the token is for, shown in the token list
  -h, --help       Show this help`

const exportUsage = `Usage: pnpm cli export --out <dir>

Writes the org to <dir> as one NDJSON file per register (teams, decisions, strategies,
strategy-gaps, incidents, actions) and manifest.json with each file's count and the schema
version. Everything is read as an admin sees it: anonymous reports name no reporter and show a
small team as its parent. <dir> must be new or empty. Importing it back is not built yet.

Options:
  --out <dir>  The folder to write
  -h, --help   Show this help`

const userGroup = `Usage: pnpm cli user <create|role> [options]

  user create   Create a user with a password
  user role     Change a user's role

Run "pnpm cli user <command> --help" for its options.`

const tokenGroup = `Usage: pnpm cli token create [options]

Run "pnpm cli token create --help" for its options.`

export const usage = { overall, userCreate, userRole, tokenCreate, userGroup, tokenGroup, export: exportUsage }
