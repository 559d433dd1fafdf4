/// Versions on a time axis: an inline SVG per decision (each bar links to its version's section),
/// and the rulebook-wide timeline page listing every version with its dates.
enum RulebookTimeline {
    static let width = 720
    static let left = 10
    static let barHeight = 20
    static let rowHeight = 28

    /// The decision's versions as bars from `from` to `until` (open-ended ones run to `today` or a year on).
    static func svg(_ d: Decision, today: Day) -> String {
        guard !d.versions.isEmpty else { return "" }
        let start = (d.versions.map(\.from).min() ?? today).adding(days: -60)
        let lastStart = d.versions.map(\.from).max() ?? today
        let ends = d.versions.map { $0.until ?? max(today, lastStart.adding(days: 365)) }
        let end = (ends.max() ?? today).adding(days: 60)
        let span = max(1, end.ordinal - start.ordinal)
        let plot = width - 2 * left
        func x(_ day: Day) -> Int { left + (day.ordinal - start.ordinal) * plot / span }
        let height = 30 + rowHeight * d.versions.count
        var h = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"versions of \(HTML.attr(d.id))\">"
        let axisY = height - 22
        h += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(axisY)\" x2=\"\(width - left)\" y2=\"\(axisY)\"/>"
        for year in (start.year + 1)...max(start.year + 1, end.year) {
            guard let jan1 = Day(year: year, month: 1, day: 1), jan1 <= end else { continue }
            let xx = x(jan1)
            h += "<line class=\"axis\" x1=\"\(xx)\" y1=\"\(axisY)\" x2=\"\(xx)\" y2=\"\(axisY + 5)\"/><text x=\"\(xx)\" y=\"\(axisY + 17)\" text-anchor=\"middle\">\(year)</text>"
        }
        for (i, v) in d.versions.enumerated() {
            let y = 6 + i * rowHeight
            let x0 = x(v.from), x1 = max(x0 + 4, x(ends[i]))
            let label = "\(v.id): \(v.from) – \(v.until.map(\.description) ?? "至今 open")"
            h += "<a href=\"#\(RulebookFormat.versionAnchor(v.id))\"><title>\(HTML.text(label))</title>"
            h += "<rect class=\"bar\" x=\"\(x0)\" y=\"\(y)\" width=\"\(x1 - x0)\" height=\"\(barHeight)\" rx=\"3\"/>"
            // The label sits inside the bar when it fits, else just left of the axis end.
            let textX = min(x0 + 6, width - 330)
            h += "<text x=\"\(textX)\" y=\"\(y + 15)\">\(HTML.text(label))</text></a>"
        }
        return h + "</svg>"
    }

    /// The rulebook-wide timeline: every version of every decision, by the day it took effect.
    static func page(_ book: Rulebook) -> HTMLPage {
        var rows: [(Version, Decision)] = []
        for d in book.decisions { for v in d.versions { rows.append((v, d)) } }
        rows.sort { ($0.0.from, $0.1.id) < ($1.0.from, $1.1.id) }
        var h = "<h1>版本时间线 <span lang=\"en\" class=\"en\">Versions timeline</span></h1>"
        h += "<p>每个决策的每个版本及其施行期间。判定某日适用的规则：<code>gazette eval ID --as-of YYYY-MM-DD</code>，页面与命令行取同一版本。"
        h += "<br><span lang=\"en\" class=\"en\">Every version of every decision with the days it is in force. "
        h += "<code>gazette eval ID --as-of YYYY-MM-DD</code> judges by the version whose row covers that day, as shown here.</span></p>"
        h += "<table class=\"timeline-table\"><thead><tr><th>施行 <span lang=\"en\" class=\"en\">from</span></th><th>止 <span lang=\"en\" class=\"en\">until</span></th>"
        h += "<th>决策 <span lang=\"en\" class=\"en\">decision</span></th><th>版本 <span lang=\"en\" class=\"en\">version</span></th><th>文件 <span lang=\"en\" class=\"en\">document</span></th></tr></thead><tbody>"
        for (v, d) in rows {
            let page = HTMLRulebook.decisionPath(d.id)
            h += "<tr><td>\(v.from)</td><td>\(v.until.map(\.description) ?? "至今 <span lang=\"en\" class=\"en\">open</span>")</td>"
            h += "<td><a href=\"\(page)\">\(HTML.zh(d.title.zh))</a><br><code>\(HTML.text(d.id))</code></td>"
            h += "<td><a href=\"\(page)#\(RulebookFormat.versionAnchor(v.id))\">\(HTML.text(v.id))</a></td>"
            h += "<td>\(HTML.zh(d.document.number))</td></tr>"
        }
        h += "</tbody></table>"
        return HTMLPage(path: "timeline.html", title: "版本时间线 — Gazette", body: h)
    }
}
