/// The source document a rule file encodes.
public struct DocumentInfo: Sendable, Hashable {
    public let number: String
    public let title: String
    public let issuer: String
    public let date: String
    public let gazette: String
    /// The seed file the verbatim text comes from.
    public let seed: String
}

/// A verbatim passage of a gazette document that a rule rests on.
public struct Citation: Sendable, Hashable {
    /// The key the rule file gives it.
    public let key: String
    public let document: DocumentInfo
    /// `附件 管理分类表`, `三（二）`.
    public let clause: String
    /// The sentence(s) as printed.
    public let text: String
    /// The seed line where the text starts.
    public let line: Int?
}

/// How severe a finding is, following the text's modality.
public enum Severity: String, Sendable, CaseIterable {
    case violation, warning, info
}

/// A finding a decision may report, declared in its rule file.
public struct FindingDef: Sendable {
    public let code: String
    public let severity: Severity
    public let message: LocalizedText
    public let cite: [String]
}
