// What `briefdeck --help` and `briefdeck <command> --help` print.
const projectOption = `  --project DIR       project folder holding briefdeck.yaml (default: .); files
                      are read only from inside it`;

const batchOptions = `  --jobs N            documents built at once, on worker processes (default: up
                      to one per core, more than one only for a batch long
                      enough to gain from it)
  --shard K/N         only the K-th of N equal shares of the documents (sorted
                      by name), to spread a batch over machines`;

/** The options validate and check share. */
const checkingOptions = `  --data DIR          dataset folder
  --template NAME     template folder under templates/
  --format pdf|pptx   accepted for symmetry with build
  --locale en|vi      language the templates are expanded in
${projectOption}
${batchOptions}`;

export const mainUsage = `briefdeck: facts with sources + templates + Vega-Lite charts → briefing PDFs

Usage: briefdeck <command> [options]

Commands:
  build       build the documents listed in briefdeck.yaml (or those of one
              dataset, with --data) into PDF briefs and PowerPoint decks
  validate    check datasets and the templates paired with them, without building
  check       provenance report: conflicting figures, broken relations, stale
              facts, mixed charts, numbers typed by hand, and every error a
              build would stop on (--json for machines)
  watch       rebuild on save and show the brief and deck in the browser, each
              cited number's source one click away
  new         start a dataset (\`new data NAME\`) or a template of your own
              (\`new template NAME --from standard-brief\`)

Run \`briefdeck <command> --help\` for the options of a command.`;

const choosing = `Which documents (the same for build, validate and check):
  - no options: every document in briefdeck.yaml;
  - --data DIR: the documents briefdeck.yaml pairs with that dataset folder,
    or, if it pairs none, the standard templates (standard-brief as PDF,
    standard-deck as PowerPoint);
  - --template NAME: only that template (with --data: that template and
    that dataset, listed or not).
Each document's format is --format if given, else the entry's \`format:\`
in briefdeck.yaml, else the template's front matter \`format:\`, else pdf.`;

export const buildUsage = `Usage: briefdeck build [--data DIR] [--template NAME] [--format pdf|pptx] [--out DIR] [--locale en|vi] [--jobs N] [--shard K/N] [--force] [--quiet] [--verbose]

Builds documents into out/<dataset id>-<template>.pdf (or .pptx). Each
document is first checked as \`briefdeck check\` does, then built; a document
with errors writes nothing and its earlier output stays as it was, and the
other documents are still built. The run ends with a summary
("built 38 of 40 documents; failed: data/x (brief: 3 errors)") and exits 1
if any document failed. A document none of whose inputs changed since it
was last built (its dataset and template files, briefdeck.yaml, briefdeck
itself, the day) and whose output is as it was written is not built again
("up to date out/…"); --force builds it anyway.

${choosing}

Options:
  --data DIR          dataset folder
  --template NAME     template folder under templates/
  --format pdf|pptx   output format for every document built
  --out DIR           output folder, anywhere (default: out, or briefdeck.yaml's
                      out:, which must be inside the project)
  --locale en|vi      language of numbers, dates and labels (default: the dataset's)
${projectOption}
${batchOptions}
  --force             build every document, up to date or not
  --quiet             no progress and no \`wrote\` lines: problems and the summary only
  --verbose           also print information (e.g. the dataset's conflicting
                      figures); errors and warnings are always printed
  --debug             on an internal error (a bug), also print where it happened
  -h, --help          show this help`;

export const validateUsage = `Usage: briefdeck validate [--data DIR] [--template NAME] [--quiet] [--verbose]

Loads and checks each dataset (dataset.yaml, sources.yaml, facts.yaml,
series.yaml and its CSV files) with every dataset check a build runs
(declared relations, conflicting figures), reports every problem with file,
line and column, and checks that the templates paired with it expand
without errors. Exits 1 if there is any error.

${choosing}

Options:
${checkingOptions}
  --quiet             no progress and no \`ok\` line: problems and the summary only
  --verbose           also print information (e.g. the dataset's conflicting
                      figures); errors and warnings are always printed
  --debug             on an internal error (a bug), also print where it happened
  -h, --help          show this help`;

export const checkUsage = `Usage: briefdeck check [--data DIR] [--template NAME] [--json]

Runs the provenance checks without building (a build runs them first):
  - conflicting figures in the dataset (same measure and period, different
    values), and templates that ask for one without naming a basis or source;
  - declared relations between facts (sums, growth, shares) that do not hold;
  - growth claims the data contradicts, and changes across statistical bases;
  - charts mixing statistical bases or part-year with full-year values,
    unless the spec declares it, and charts Vega-Lite cannot compile;
  - facts older than the document's staleAfter, or quoted when a newer
    value of the same measure is in the dataset;
  - numbers typed by hand into templates instead of printed from facts (keep
    one on purpose with {{literal "…"}});
  - every error a build would report.
Prints a report grouped by severity with file:line for each item, information
included (build and validate show it only with --verbose), or JSON with --json. Exits 1 if there is any error.

${choosing}

Options:
${checkingOptions}
  --json              print the diagnostics as JSON
  --debug             on an internal error (a bug), also print where it happened
  -h, --help          show this help`;

export const newUsage = `Usage: briefdeck new data NAME
       briefdeck new template NAME [--from TEMPLATE]

new data NAME writes data/NAME/ with every file of a dataset (dataset.yaml,
sources.yaml, facts.yaml, series.yaml, a series CSV), every field shown and
commented, and a few example figures that build at once:
  briefdeck build --data data/NAME
makes out/NAME-standard-brief.pdf and out/NAME-standard-deck.pptx. Then
replace the example figures with yours.

new template NAME copies a template (default: standard-brief) to
templates/NAME/ to customise; build it with --template NAME.

Neither overwrites anything: if the folder exists, nothing is written.

Options:
  --from TEMPLATE     the template to copy (default: standard-brief)
${projectOption}
  --debug             on an internal error (a bug), also print where it happened
  -h, --help          show this help`;

export const watchUsage = `Usage: briefdeck watch [--data DIR] [--template NAME] [--port N] [--open]

Builds the documents (chosen as for build), serves a live preview on
http://127.0.0.1 (a free port unless --port), and rebuilds only the
documents a saved file touches. The page updates itself: the brief's pages
drawn from the PDF, the deck's slides drawn from the slide model (a preview,
not PowerPoint), errors over the last good preview, the check warnings, and
each cited number's fact and source on hover. Outputs in out/ are replaced
atomically, as by build. Ctrl-C stops.

${choosing}

Options:
  --data DIR          dataset folder
  --template NAME     template folder under templates/
  --format pdf|pptx   output format for every document
  --locale en|vi      language of numbers, dates and labels
  --port N            port on 127.0.0.1 (default: a free one, printed)
  --open              open the preview in the default browser
  --project DIR       project folder holding briefdeck.yaml (default: .)
  -h, --help          show this help`;
