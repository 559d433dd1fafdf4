/// The browsable rulebook (`gazette doc`): static, self-contained HTML generated from a loaded
/// rulebook: an index of documents, a page per decision, a timeline of versions, one stylesheet.
public struct HTMLRulebook: Sendable {
    /// The one stylesheet every page links, at the site root.
    public static let stylesheet = "rulebook.css"

    /// The rules to render.
    public let rulebook: Rulebook
    /// What `Linter(rulebook:seeds:).run()` reported, shown per decision.
    public let lint: [LintFinding]

    /// Prepares a rulebook for rendering with its lint findings.
    public init(rulebook: Rulebook, lint: [LintFinding]) {
        self.rulebook = rulebook
        self.lint = lint
    }

    /// The page of a decision, relative to the site root.
    public static func decisionPath(_ id: String) -> String { "decisions/\(HTML.anchor(id)).html" }

    /// Every file of the site: the stylesheet, the index, the timeline and one page per decision.
    public func pages() -> [RulebookPage] {
        let l = RulebookLint(findings: lint)
        var out = [RulebookPage(path: HTMLRulebook.stylesheet, contents: RulebookCSS.text)]
        out.append(RulebookIndexPage(book: rulebook, lint: l).render().render())
        out.append(RulebookTimeline.page(rulebook).render())
        for d in rulebook.decisions {
            out.append(RulebookDecisionPage(book: rulebook, decision: d, lint: l).render().render())
        }
        return out
    }
}
