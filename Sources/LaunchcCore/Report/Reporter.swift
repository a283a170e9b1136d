/// Turns a run's findings into text. Each reporter is a pure function of the report and its
/// options, so each is golden-tested on its own.
public protocol Reporter {
    func render(_ report: RunReport) -> String
}

/// How a reporter may style its output.
public struct ReportStyle: Sendable {
    /// ANSI colour escapes (only on a terminal, unless asked for).
    public var color: Bool
    /// Only findings that fail the run, and no summary line.
    public var quiet: Bool
    /// Text output shows at most this many findings of one file, then counts the rest by code
    /// (the machine formats always list every one).
    public var maxPerFile: Int
    /// A summary line even when nothing was found (`check`: every run says what it checked, so
    /// a clean run and a run that understood nothing never look alike).
    public var summarisesCleanRuns = false

    public static let defaultMaxPerFile = 500

    public init(color: Bool = false, quiet: Bool = false, maxPerFile: Int = ReportStyle.defaultMaxPerFile) {
        self.color = color
        self.quiet = quiet
        self.maxPerFile = maxPerFile
    }
}

extension RunReport {
    /// The findings a reporter shows: all of them, or with `quiet` only those that fail.
    func shown(_ style: ReportStyle) -> [Diagnostic] {
        style.quiet ? failures : diagnostics
    }

    /// One file's findings a reporter shows.
    func shown(_ file: FileReport, _ style: ReportStyle) -> [Diagnostic] {
        style.quiet ? file.diagnostics.filter { $0.severity >= failing(file) } : file.diagnostics
    }
}

/// Converters are built once per file and only for files with findings.
struct ConverterCache {
    private var converters: [ObjectIdentifier: SourceLocationConverter] = [:]
    /// The last line made into cells, kept for the next finding on it (findings come in file order).
    private var lastCells: (file: ObjectIdentifier, line: Int, cells: LineCells)?

    /// Line `index` of `file` as display cells.
    mutating func cells(ofLine index: Int, in file: SourceFile) -> LineCells {
        if let last = lastCells, last.file == ObjectIdentifier(file), last.line == index { return last.cells }
        let content = converter(for: file).contentRange(ofLine: index)
        let cells = LineCells(line: file.bytes[content], lineStart: content.lowerBound)
        lastCells = (ObjectIdentifier(file), index, cells)
        return cells
    }

    mutating func converter(for file: SourceFile) -> SourceLocationConverter {
        if let converter = converters[ObjectIdentifier(file)] { return converter }
        let converter = SourceLocationConverter(file: file)
        converters[ObjectIdentifier(file)] = converter
        return converter
    }
}
