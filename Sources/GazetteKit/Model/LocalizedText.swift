/// Text in Chinese and English.
public struct LocalizedText: Sendable, Hashable {
    /// The Chinese text.
    public let zh: String
    /// The English text.
    public let en: String

    /// Text from its Chinese and English forms.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in the given language.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

/// Output language for messages and explanations.
public enum Language: String, Sendable {
    case zh, en
}
