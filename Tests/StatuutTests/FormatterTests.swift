import Foundation
import Statuut
import Testing

/// The formatter over the real statutes: canonical, idempotent, and meaning-preserving in both languages.
@Suite("Formatter round trips")
struct FormatterTests {
    static let statutes = Fixtures.files(in: Fixtures.statutes, withExtension: "statuut")

    @Test("there are three statutes")
    func threeStatutes() {
        #expect(Self.statutes.map(\.lastPathComponent) == ["devrijeuitloop.statuut", "soesterkwartier.statuut", "wildemanbuurt.statuut"])
    }

    @Test("every statute checks clean: no errors, no warnings", arguments: statutes)
    func checksClean(_ url: URL) throws {
        let result = StatuteCompiler.compile(try Fixtures.read(url), name: url.lastPathComponent)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer(file: result.file).render(result.diagnostics))")
        #expect(result.statute != nil)
    }

    @Test("second meetings, revotes, the chair's casting vote and admission by the assembly are carried out: no BS045 for them")
    func carriedOut() throws {
        let text = try Fixtures.read(Self.statutes.first { $0.lastPathComponent == "wildemanbuurt.statuut" }!)
        for variant in [
            text, text.replacingOccurrences(of: "staking verworpen", with: "staking voorzitter beslist"),
            text.replacingOccurrences(of: "staking verworpen", with: "staking herstemming"),
        ] {
            #expect(StatuteCompiler.compile(variant, name: "w.statuut").diagnostics.isEmpty)
        }
        #expect(FormID.notYetCarriedOut.isEmpty, "a form the engine does not carry out: \(FormID.notYetCarriedOut)")
    }

    @Test("every statute is already in canonical form", arguments: statutes)
    func canonical(_ url: URL) throws {
        let text = try Fixtures.read(url)
        let result = StatuteCompiler.compile(text)
        #expect(StatuteFormatter().format(result.syntax) == text)
    }

    @Test("format is idempotent and keeps the model, in Dutch and English", arguments: statutes, Language.allCases)
    func roundTrip(_ url: URL, language: Language) throws {
        let original = StatuteCompiler.compile(try Fixtures.read(url))
        let once = StatuteFormatter(language: language).format(original.syntax)
        let reparsed = StatuteCompiler.compile(once)
        #expect(!reparsed.hasErrors)
        let twice = StatuteFormatter(language: language).format(reparsed.syntax)
        #expect(once == twice)
        var expected = try #require(original.statute)
        expected.language = language
        #expect(reparsed.statute == expected)
    }

    @Test("English and Dutch spellings of a rule give the same model")
    func aliases() throws {
        let dutch = """
            statuut "Wijk"
              rechtsvorm vereniging

            artikel 1 "Regels"
              gebied Wijk
                postcode 1067pa t/m 1067-PZ huisnummer 1 t/m 99 oneven
              lidmaatschap automatisch voor bewoners van Wijk
              oproeping minstens 14 dagen voor de vergadering
              besluit gewoon
                aangenomen bij minstens 2/3 van alle leden
                methode voorkeursstemming
            """
        let english = """
            statute "Wijk"
              legal form association

            article 1 "Regels"
              area Wijk
                postcode 1067 PA through 1067 PZ house number 1 through 99 odd
              membership automatic for residents of Wijk
              notice at least 14 days before the assembly
              decision ordinary
                passed with at least 2/3 of all members
                method instant runoff
            """
        var nl = try #require(StatuteCompiler.compile(dutch).statute)
        let en = try #require(StatuteCompiler.compile(english).statute)
        nl.language = .en
        #expect(nl == en)
        #expect(en.decisionKind(named: "ordinary")?.method.value == .instantRunoff)
        let area = try #require(en.membershipArea)
        #expect(area.contains(try Postcode(parsing: "1067 PB"), houseNumber: 7))
        #expect(!area.contains(try Postcode(parsing: "1067 PB"), houseNumber: 8))
        #expect(!area.contains(try Postcode(parsing: "1067 RA"), houseNumber: 7))
    }

    @Test("comments survive formatting")
    func comments() {
        let text =
            "# kop\nstatuut \"W\"  # naam\n  rechtsvorm vereniging\n\nartikel 1 \"A\"\n  # over het gebied\n  gebied W\n    postcode 1067\n  lidmaatschap automatisch voor bewoners van W\n  oproeping minstens 7 dagen voor de vergadering\n# einde\n"
        let formatted = StatuteFormatter().format(StatuteCompiler.compile(text).syntax)
        #expect(
            formatted
                == "# kop\n\nstatuut \"W\"  # naam\n  rechtsvorm vereniging\n\nartikel 1 \"A\"\n  # over het gebied\n  gebied W\n    postcode 1067\n  lidmaatschap automatisch voor bewoners van W\n  oproeping minstens 7 dagen voor de vergadering\n\n# einde\n"
        )
    }
}
