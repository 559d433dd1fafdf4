/// Text in Chinese and English.
public struct LocalizedText: Sendable, Hashable {
    public let zh: String
    public let en: String

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
