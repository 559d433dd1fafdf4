/// The source document a rule file encodes.
public struct DocumentInfo: Sendable, Hashable {
    /// The document number (`浙政办发〔2018〕84号`).
    public let number: String
    /// The document's title.
    public let title: String
    /// The body that issued it.
    public let issuer: String
    /// The date it was issued, as written in the rule file.
    public let date: String
    /// The gazette issue it was printed in.
    public let gazette: String
    /// The seed file the verbatim text comes from.
    public let seed: String
}

/// A verbatim passage of a gazette document that a rule rests on.
public struct Citation: Sendable, Hashable {
    /// The key the rule file gives it.
    public let key: String
    /// The document the passage is from.
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
    /// A short stable code that results carry.
    public let code: String
    /// How severe the finding is.
    public let severity: Severity
    /// What the finding means, in Chinese and English.
    public let message: LocalizedText
    /// Keys of the citations the finding rests on.
    public let cite: [String]
}
