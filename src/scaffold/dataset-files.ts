// The files `briefdeck new data NAME` writes: every file and every field of a
// dataset, shown and commented, with a few example facts and one series
// that build at once with the standard templates. Pure: text only.

export interface NewDatasetInput {
  id: string;
  /** Today, YYYY-MM-DD: the example's "data as of". */
  today: string;
}

export function datasetFiles({ id, today }: NewDatasetInput): Record<string, string> {
  const year = Number(today.slice(0, 4));
  const [y0, y1, y2, y3] = [year - 4, year - 3, year - 2, year - 1];
  return {
    'dataset.yaml': `# What this dataset is. Every field is shown; optional ones say so.
# The figures below are EXAMPLES, invented so that the dataset builds at
# once: replace them with yours (facts.yaml, series.yaml, series/*.csv).
id: ${id}                          # lowercase letters, digits, dots, hyphens
title: Example topic (replace me)   # the document title
subtitle: What the brief is for     # optional: under the title
description: >-                     # optional: a paragraph under the key figures
  One paragraph on what the figures cover and where they come from.
locale: en                          # en | vi: numbers, dates and words
asOf: "${today}"                    # the date the data is current to
# date: "${today}"                  # optional: the document date (default: asOf)

# Statistical bases: who counted. A fact or a series row may name one; two
# values of the same measure and period from different bases are both kept
# and shown side by side, never one picked silently.
bases:
  exporter-customs:
    label: Exporter's customs
    according: according to the exporter's customs

# Units of your own, besides the built-in ones (USD bn, USD m, %, pp,
# tonnes, projects, count, rank, years). See README "Units".
units:
  TEU:
    name: { en: TEU, vi: TEU }      # word(s) after the number
    negative: false                 # a negative value is an error
  # EUR bn:
  #   symbol: "€"                   # a sign or code; one value or one per locale
  #   scale: billion                # thousand | million | billion | trillion
  #   position: before              # before | after (default: before in en, after in vi)

# The key figures of the standard brief and deck: fact ids, or measure
# queries ({ measure: …, period: …, basis: …, source: …, label: … }; the latest
# value unless a period is named). The change on the earlier year is computed.
highlights:
  - exports-${y3}
  - { measure: trade.partners, label: Trading partners }

# The sections of the standard brief and deck, in order. Each gets its facts
# as cited bullets (measures: prefixes, or facts: ids), a chart for each
# series, and a table of its figures. Without sections: one of everything.
sections:
  - title: Trade
    lead: One or two sentences of your own to open the section.   # optional
    measures: [trade.]
    series: [exports-by-year]
`,
    'sources.yaml': `# Where the numbers come from. Every fact and series row cites one.
sources:
  - id: example-statistics
    publisher: Example Statistics Office        # who published it
    title: Annual trade statistics (example)    # what it is
    date: "${y3 + 1}-01-15"                      # YYYY-MM-DD, YYYY-MM or YYYY
    url: https://example.org/trade               # optional: http(s) or mailto
    # file: article.txt                         # optional: the file it was read from
    # notes: How the date was determined, caveats.   # optional
`,
    'facts.yaml': `# Single values, each with its unit, period and source. EXAMPLE figures.
facts:
  - id: exports-${y2}                # unique; templates may name it
    label: Exports                  # short, no period in it
    measure: trade.exports          # what it measures; shared by facts about the same thing
    value: 12.40                    # a number (its decimals are kept: 12.40 prints 12.40), or text
    unit: USD bn                    # built-in units, or your own under \`units:\` in dataset.yaml
    period: "${y2}"                   # 2024, 2025-Q1, 2024-10, 2024-10-31, or 2024-01..2024-10
    basis: exporter-customs         # optional: a key of \`bases\` in dataset.yaml
    source: example-statistics      # a source id from sources.yaml
  - id: exports-${y3}
    label: Exports
    measure: trade.exports
    value: 13.95
    unit: USD bn
    period: "${y3}"
    basis: exporter-customs
    source: example-statistics
    # asOf: "${y3 + 1}-01"          # optional: when the figure was current
    # qualifier: over               # optional: over | about | under
    note: Goods only.               # optional: a remark, shown in the annex
  - id: exports-growth-${y3}
    label: Growth of exports
    measure: trade.exports-growth
    value: 12.5
    unit: "%"
    period: "${y3}"
    basis: exporter-customs
    source: example-statistics
  - id: partners-${y3}
    label: Trading partners
    measure: trade.partners
    value: 48
    unit: count
    period: "${y3}"
    source: example-statistics
  - id: port-throughput-${y3}
    label: Container throughput of the main port
    measure: trade.port-throughput
    value: 412500
    unit: TEU                       # declared in dataset.yaml
    period: "${y3}"
    source: example-statistics
  - id: main-port
    label: Main port of exit
    measure: trade.main-port
    value: Example Harbour           # a fact may be text
    period: "${y3}"
    source: example-statistics

# Arithmetic between facts, checked before every build (sum, growth, share).
relations:
  - kind: growth
    growth: exports-growth-${y3}
    from: exports-${y2}
    to: exports-${y3}
    # tolerance: 0.1                 # optional: percentage points for growth and shares
`,
    'series.yaml': `# Tables for charts, each in a CSV file. EXAMPLE figures.
series:
  - id: exports-by-year
    title: Exports by year
    unit: USD bn
    file: series/exports-by-year.csv
    sources: [example-statistics]    # every source a row cites
    note: Goods only.                 # optional: under the chart
    # chart: { mark: line, x: period, color: partner }   # optional: how the default chart looks
    # mixes: [bases, partial-years]  # optional: what the series mixes on purpose
`,
    'series/exports-by-year.csv': `period,value,source,basis,fact
${y0},10.20,example-statistics,exporter-customs,
${y1},11.05,example-statistics,exporter-customs,
${y2},12.40,example-statistics,exporter-customs,exports-${y2}
${y3},13.95,example-statistics,exporter-customs,exports-${y3}
`,
  };
}
