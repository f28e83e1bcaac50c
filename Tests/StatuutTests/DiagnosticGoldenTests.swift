import Foundation
import Statuut
import Testing

/// Every malformed statute under Fixtures/malformed has a `.expected` file with the exact
/// diagnostics `buurtstem statute check` prints for it.
@Suite("Diagnostics of malformed statutes")
struct DiagnosticGoldenTests {
    static let cases = Fixtures.files(in: Fixtures.directory.appendingPathComponent("malformed"), withExtension: "statuut")

    @Test("there are at least 40 malformed cases")
    func enoughCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test("each malformed statute gives exactly the expected diagnostics", arguments: cases)
    func golden(_ url: URL) throws {
        let source = SourceFile(name: url.lastPathComponent, text: try Fixtures.read(url))
        let result = StatuteCompiler.compile(source)
        #expect(!result.diagnostics.isEmpty, "a malformed case must produce a diagnostic")
        let rendered = DiagnosticRenderer(file: source).render(result.diagnostics)
        let expected = try Fixtures.golden(url.deletingPathExtension().appendingPathExtension("expected"), actual: rendered)
        #expect(rendered == expected)
    }

    @Test("diagnostic codes are unique and stable in shape")
    func codes() {
        let codes = DiagnosticID.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("BS") && $0.count == 5 })
    }

    @Test("columns and carets count characters, not bytes")
    func unicodeColumns() {
        let text = "statuut \"Coöperatie\"\n  rechtsvorm coöperatie\n\nartikel 1 \"Één\"\n  organisatie \"Café\" extra\n"
        let result = StatuteCompiler.compile(text, name: "u.statuut")
        let trailing = result.diagnostics.first { $0.id == .trailingTokens }
        #expect(trailing != nil)
        let rendered = DiagnosticRenderer(file: result.file).render(trailing!)
        #expect(rendered.hasPrefix("u.statuut:5:22: error[BS014]"))
        #expect(rendered.contains("  |                      ^^^^^\n"))
    }
}
