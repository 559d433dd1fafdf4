/// The rulebook's one stylesheet: no web fonts and nothing fetched, a CJK-capable system font stack.
enum RulebookCSS {
    static let text = """
    :root {
      --ink: #1f2933; --muted: #5f6b7a; --rule: #d8dee6; --paper: #ffffff; --band: #f4f6f9; --accent: #1d4ed8;
      --font: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
              "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif;
      --serif: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
      --mono: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Menlo, Consolas, monospace;
    }
    * { box-sizing: border-box; }
    html { font-family: var(--font); color: var(--ink); background: var(--paper); line-height: 1.6; }
    body { margin: 0; }
    main { max-width: 76rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    a { color: var(--accent); text-decoration: none; }
    a:hover { text-decoration: underline; }
    code, pre { font-family: var(--mono); font-size: 0.88em; }
    pre { background: var(--band); padding: 0.6rem 0.8rem; overflow-x: auto; border-radius: 4px; }
    h1 { font-size: 1.6rem; margin: 0.6rem 0 0.2rem; }
    h2 { font-size: 1.2rem; border-bottom: 2px solid var(--rule); padding-bottom: 0.2rem; margin-top: 2rem; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
    .en { color: var(--muted); font-size: 0.92em; }
    h1 .en, h2 .en, h3 .en { font-weight: normal; }
    header.site { background: #0f172a; color: #fff; padding: 0.6rem 1.5rem; display: flex; gap: 2rem; align-items: baseline; flex-wrap: wrap; }
    header.site a { color: #fff; }
    header.site .en { color: #cbd5e1; }
    header.site .home { font-weight: bold; }
    header.site nav a { margin-right: 1.2rem; }
    footer.site { color: var(--muted); font-size: 0.85rem; text-align: center; padding: 1rem; border-top: 1px solid var(--rule); }
    .meta { color: var(--muted); margin: 0.2rem 0; }
    .toc a { margin-right: 0.9rem; }
    table { border-collapse: collapse; margin: 0.4rem 0 0.8rem; }
    th, td { border: 1px solid var(--rule); padding: 0.25rem 0.55rem; vertical-align: top; text-align: left; }
    th { background: var(--band); font-weight: 600; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
    .badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.7rem; font-size: 0.8rem; font-weight: 600; white-space: nowrap; }
    .badge.ok, .badge.pass { background: #dcfce7; color: #166534; }
    .badge.warning { background: #fef3c7; color: #92400e; }
    .badge.error, .badge.fail, .badge.violation { background: #fee2e2; color: #991b1b; }
    .badge.info { background: #dbeafe; color: #1e40af; }
    .doc { border: 1px solid var(--rule); border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.6rem 0; }
    .doc h3 { margin: 0 0 0.2rem; }
    .doc ul { margin: 0.3rem 0; padding-left: 1.2rem; }
    .step { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; border-top: 1px dashed var(--rule); padding: 0.6rem 0; }
    .step .logic { min-width: 0; overflow-x: auto; }
    .step aside { font-family: var(--serif); background: #fbfaf5; border-left: 3px solid #caa85a; padding: 0.3rem 0.7rem; font-size: 0.92rem; }
    .step aside .clause { font-family: var(--font); color: var(--muted); font-size: 0.85rem; }
    .explain { color: #334155; background: #f1f5f9; border-radius: 4px; padding: 0.3rem 0.6rem; margin: 0.3rem 0; }
    blockquote.cite { margin: 0.3rem 0 0.7rem; white-space: pre-wrap; font-family: var(--serif); tab-size: 6; }
    .citation { border-left: 3px solid #caa85a; padding: 0.2rem 0.8rem; margin: 0.6rem 0; background: #fbfaf5; }
    .citation .clause { color: var(--muted); font-size: 0.88rem; }
    .wording { color: #7c2d12; font-size: 0.8rem; display: block; }
    table.matrix td.cell { text-align: center; font-weight: 600; min-width: 6.5rem; padding: 0.7rem 0.5rem; }
    table.matrix td.cell a { color: inherit; display: block; }
    table.matrix th { text-align: center; }
    .tone-0 { background: #e5e7eb; color: #374151; }
    .tone-1 { background: #fef08a; color: #713f12; }
    .tone-2 { background: #fdba74; color: #7c2d12; }
    .tone-3 { background: #f97316; color: #ffffff; }
    .tone-4 { background: #dc2626; color: #ffffff; }
    .tone-c0 { background: #bfdbfe; } .tone-c1 { background: #bbf7d0; } .tone-c2 { background: #fde68a; }
    .tone-c3 { background: #fbcfe8; } .tone-c4 { background: #ddd6fe; } .tone-c5 { background: #fed7aa; }
    .legend span { display: inline-block; padding: 0 0.5rem; margin-right: 0.4rem; border-radius: 3px; font-size: 0.85rem; }
    svg.timeline { max-width: 100%; height: auto; font-family: var(--font); }
    svg.timeline .bar { fill: #93c5fd; stroke: #1d4ed8; }
    svg.timeline a:hover .bar { fill: #60a5fa; }
    svg.timeline text { font-size: 12px; fill: var(--ink); }
    svg.timeline .axis { stroke: var(--muted); }
    .example { border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 0.9rem; margin: 0.8rem 0; }
    .example h3 { margin: 0.1rem 0 0.4rem; }
    .example .cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0.8rem; }
    .changed { background: #fef9c3; }
    ul.lint li { margin: 0.2rem 0; }
    @media (max-width: 48rem) { .step { grid-template-columns: 1fr; } }
    @media print { header.site, footer.site { display: none; } }

    """
}
