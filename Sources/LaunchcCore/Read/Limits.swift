/// Bounds that keep hostile input from exhausting memory or stack. The defaults are far above
/// anything a real configuration needs.
public struct Limits: Sendable {
    /// Largest input read, in bytes; also keeps every offset within `SourceRange`'s 32 bits.
    public var maxFileBytes: Int = 1 << 30
    /// Deepest nesting of arrays and objects.
    public var maxDepth: Int = 512
    /// Most nodes that YAML aliases may produce in one document.
    public var maxAliasNodes: Int = 1_000_000

    public init() {}

    public static let `default` = Limits()
}
