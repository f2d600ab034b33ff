/// A value found in a text, with where it was found.
public struct Recognised<Value: Sendable>: Sendable {
    public var value: Value
    /// The text as written in the source ("1.234,56 €").
    public var excerpt: String
    /// UTF-16 offset in the searched text.
    public var offset: Int

    public init(value: Value, excerpt: String, offset: Int) {
        self.value = value
        self.excerpt = excerpt
        self.offset = offset
    }
}
