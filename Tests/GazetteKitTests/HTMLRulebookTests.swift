import Foundation
import XCTest
@testable import GazetteKit

final class HTMLRulebookTests: XCTestCase {
    /// The shipped rulebook rendered once (with a fixed "today" so open versions draw the same bars).
    static let site: Result<[RulebookPage], LoadErrors> = {
        do throws(LoadErrors) {
            var book = try Rulebook.load(path: PackagePaths.rules)
            book.today = Day("2024-01-01")!
            return .success(HTMLRulebook(rulebook: book, lint: []).pages())
        } catch { return .failure(error) }
    }()

    func pages() throws -> [RulebookPage] { try Self.site.get() }

    func page(_ path: String, in pages: [RulebookPage]) throws -> String {
        try XCTUnwrap(pages.first { $0.path == path }?.contents, "no page \(path)")
    }

    /// Every match of a pattern's first capture group.
    func captures(_ pattern: String, in text: String) throws -> [String] {
        let re = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    // MARK: - the shipped rulebook

    func testEveryInternalLinkOfTheShippedRulebookResolves() throws {
        let pages = try pages()
        let book = try ShippedRules.book()
        XCTAssertEqual(pages.count, book.decisions.count + 3)  // stylesheet, index, timeline
        XCTAssertEqual(HTMLLinkCheck.broken(in: pages), [])
        // The check is not vacuous: thousands of links, most with fragments, on every decision page.
        let links = pages.flatMap { HTMLLinkCheck.links(in: $0.contents) }
        XCTAssertGreaterThan(links.count, 2000)
        XCTAssertGreaterThan(links.filter { $0.contains("#") }.count, 1000)
        let index = try page("index.html", in: pages)
        for d in book.decisions { XCTAssertTrue(index.contains("href=\"\(HTMLRulebook.decisionPath(d.id))\""), "index lacks \(d.id)") }
    }

    func testGeohazardPageDrawsTheAnnexAsAThreeByThreeColouredGrid() throws {
        let html = try page("decisions/geohazard.prevention-zone.html", in: try pages())
        let grids = try captures(#"(<table class="matrix".*?</table>)"#, in: html)
        XCTAssertEqual(grids.count, 1)
        let grid = try XCTUnwrap(grids.first)
        // Rows of the annex: >100, 30—100, <30 people; columns: 极高, 高, 中.
        let rows = try captures(#"<th scope="row">(.*?)</th>"#, in: grid)
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(zip(rows, ["&gt; 100", "[30..100]", "&lt; 30"]).filter { $0.contains($1) }.count, 3, "\(rows)")
        let heads = try captures(#"<th><code>(\w+)</code>"#, in: grid)
        XCTAssertEqual(heads, ["extreme", "high", "medium"])
        let cells = try captures(#"<td class="cell (tone-\d)" data-value="#, in: grid)
        XCTAssertEqual(cells, ["tone-4", "tone-4", "tone-3", "tone-4", "tone-3", "tone-1", "tone-4", "tone-1", "tone-1"])
        let values = try captures(#"<td class="cell tone-\d" data-value="(\w+)""#, in: grid)
        XCTAssertEqual(values, ["key", "key", "secondary", "key", "secondary", "general", "key", "general", "general"])
        // Each cell shows the Chinese class of the annex and links to its row of the full table.
        XCTAssertEqual(try captures(#"<span lang="zh-Hans">(重点|次重点|一般)</span>"#, in: grid).prefix(9),
                       ["重点", "重点", "次重点", "重点", "次重点", "一般", "重点", "一般", "一般"])
        XCTAssertEqual(try captures(##"<a href="#(v-2021-07-20-s1-r\d+)">"##, in: grid).count, 9)
        // The annex sentence stands beside the table it encodes.
        XCTAssertTrue(html.contains("&gt;100 人\t重点\t重点\t次重点"))
    }

    func testPagesDeclareUTF8AndChineseAndLoadNothingFromOutside() throws {
        for p in try pages() where p.path.hasSuffix(".html") {
            XCTAssertTrue(p.contents.contains("<meta charset=\"utf-8\">"), p.path)
            XCTAssertTrue(p.contents.contains("<html lang=\"zh-Hans\">"), p.path)
            XCTAssertFalse(p.contents.contains("<script"), p.path)
            // One resource only: the stylesheet, by a relative path (outside links are caught by the link check).
            XCTAssertEqual(try captures(#"<link ([^>]*)>"#, in: p.contents).count, 1, p.path)
            XCTAssertFalse(p.contents.contains(" src="), p.path)
        }
        let css = try page(HTMLRulebook.stylesheet, in: try pages())
        XCTAssertTrue(css.contains("Noto Sans CJK SC"))
        XCTAssertFalse(css.contains("@import") || css.contains("url("))
    }

    // MARK: - small rulebooks

    static let versions = #"""
    [{"id":"2018","effective":{"from":"2018-01-01","until":"2020-12-31"},"steps":[{"set":"rate","expr":"0.5","cite":"c"}]},
     {"id":"2021","effective":{"from":"2021-01-01"},"steps":[{"set":"rate","expr":"0.75","cite":"c"}]}]
    """#

    func smallSite(title: String = "测试", lint: [LintFinding] = [], examples: String = "") throws -> [RulebookPage] {
        let decision = RuleText.decision(inputs: #"[{"name":"x","type":"integer","unit":"人","min":0}]"#,
                                         outputs: #"[{"name":"rate","type":"decimal"}]"#, steps: "", versions: Self.versions,
                                         extra: examples)
            .replacingOccurrences(of: #""title":{"zh":"测试""#, with: #""title":{"zh":"\#(title)""#)
        let book = try RuleText.load([("t.json", RuleText.file([decision]))])
        return HTMLRulebook(rulebook: book, lint: lint).pages()
    }

    func testTheTimelineLinksEachVersionWithItsDates() throws {
        let pages = try smallSite()
        XCTAssertEqual(HTMLLinkCheck.broken(in: pages), [])
        let html = try page("decisions/t.case.html", in: pages)
        let svg = try XCTUnwrap(try captures(#"(<svg class="timeline".*?</svg>)"#, in: html).first)
        XCTAssertEqual(try captures(##"<a href="#(v-[0-9]+)">"##, in: svg), ["v-2018", "v-2021"])
        XCTAssertTrue(svg.contains("2018: 2018-01-01 – 2020-12-31"))
        XCTAssertTrue(html.contains("<section id=\"v-2021\""))
        XCTAssertTrue(html.contains("gazette eval t.case --as-of 2018-01-01"))
        let timeline = try page("timeline.html", in: pages)
        XCTAssertTrue(timeline.contains("href=\"decisions/t.case.html#v-2018\""))
        XCTAssertTrue(timeline.contains("href=\"decisions/t.case.html#v-2021\""))
        // Inputs carry their unit and bounds.
        XCTAssertTrue(html.contains("<span lang=\"zh-Hans\">人</span></td><td>≥ 0</td>"))
    }

    func testRuleTextIsEscaped() throws {
        let pages = try smallSite(title: "<script>alert(1)</script> & 「引」")
        let html = try page("decisions/t.case.html", in: pages)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 「引」"))
    }

    func testLintStatusAndWorkedCasesAppearPerDecision() throws {
        let examples = #","examples":[{"name":"2019 rate","input":{"x":1},"asOf":"2019-06-01","expect":{"outputs":{"rate":0.5}}},"#
            + #"{"name":"wrong on purpose","input":{"x":1},"asOf":"2022-06-01","expect":{"outputs":{"rate":0.5}}}]"#
        let lint = [LintFinding(level: .warning, file: "t.json", decision: "t.case", code: "THRESHOLD_WORDING", message: "a test warning", stub: nil)]
        let pages = try smallSite(lint: lint, examples: examples)
        let html = try page("decisions/t.case.html", in: pages)
        XCTAssertTrue(html.contains("lint: 1 warning"))
        XCTAssertTrue(html.contains("<code>THRESHOLD_WORDING</code> a test warning"))
        let cases = try captures(#"(<article class="example".*?</article>)"#, in: html)
        XCTAssertEqual(cases.count, 2)
        XCTAssertTrue(cases[0].contains("badge pass") && cases[0].contains("href=\"#v-2018\""))
        XCTAssertTrue(cases[1].contains("badge fail") && cases[1].contains("expected 0.5, got 0.75"))
        XCTAssertTrue(try page("index.html", in: pages).contains("lint: 1 warning"))
        let clean = try smallSite(examples: examples)
        XCTAssertTrue(try page("decisions/t.case.html", in: clean).contains("lint clean"))
    }

    func testTheLinkCheckFindsMissingPagesIdsAndOutsideLinks() {
        let pages = [
            RulebookPage(path: "index.html", contents: ##"<a href="d/a.html#x">ok</a> <a href="d/b.html">gone</a> <a href="https://example.org/">out</a>"##),
            RulebookPage(path: "d/a.html", contents: ##"<p id="x"></p><p id="x"></p><a href="../index.html#nowhere">bad fragment</a><a href="#x">ok</a>"##),
        ]
        let broken = HTMLLinkCheck.broken(in: pages)
        XCTAssertEqual(Set(broken.map(\.target)), ["#x", "d/b.html", "https://example.org/", "../index.html#nowhere"])
        XCTAssertEqual(broken.first { $0.target == "d/b.html" }?.reason, "no such page")
        XCTAssertEqual(broken.first { $0.target == "#x" }?.reason, "id defined more than once")
    }
}
