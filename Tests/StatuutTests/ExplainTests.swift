import Foundation
import Statuut
import Testing

/// `explain` output for the real statutes, in both languages and as JSON, against golden files.
@Suite("Explain")
struct ExplainTests {
    static let cases: [(String, Language)] = ["wildemanbuurt", "soesterkwartier", "devrijeuitloop"]
        .flatMap { name in Language.allCases.map { (name, $0) } }

    @Test("explain text matches its golden file", arguments: cases)
    func text(_ name: String, _ language: Language) throws {
        let statute = try Self.statute(name)
        let actual = Explainer.explain(statute, in: language).text()
        let golden = Fixtures.directory.appendingPathComponent("explain/\(name).\(language.rawValue).txt")
        #expect(actual == (try Fixtures.golden(golden, actual: actual)))
    }

    @Test("explain JSON matches its golden file", arguments: ["wildemanbuurt", "soesterkwartier", "devrijeuitloop"])
    func json(_ name: String) throws {
        let statute = try Self.statute(name)
        let actual = Explainer.explain(statute, in: .en).json()
        let golden = Fixtures.directory.appendingPathComponent("explain/\(name).en.json")
        #expect(actual == (try Fixtures.golden(golden, actual: actual)))
        let parsed = try JSONSerialization.jsonObject(with: Data(actual.utf8)) as? [String: Any]
        #expect(parsed?["schema"] as? String == "buurtstem.explain/1")
    }

    @Test("a silent statute gets the legal defaults, each cited")
    func defaults() throws {
        let text = """
            statuut "Stil"
              rechtsvorm vereniging

            artikel 1 "Alles"
              gebied W
                postcode 1067
              lidmaatschap op aanvraag voor bewoners van W
              oproeping minstens 14 dagen voor de vergadering
            """
        let statute = try #require(StatuteCompiler.compile(text).statute)
        let amendment = try #require(statute.decisionKind(named: "statutenwijziging"))
        #expect(amendment.majority.value == MajorityRule(share: .twoThirds, strict: false, base: .votesCast))
        #expect(amendment.majority.source == .legalDefault(LegalDefaults.amendmentMajority))
        #expect(amendment.inspectionDays.value == 5)
        #expect(statute.assembliesPerYear.value == 1)
        #expect(statute.outsideMeeting.value == .allowed(MajorityRule(share: .one, strict: false, base: .allMembers)))
        #expect(statute.demand.value.share == .oneTenth)
        let rules = Explainer.explain(statute, in: .nl).rules
        let ordinary = try #require(rules.first { $0.id == "decision.gewoon.majority" })
        #expect(ordinary.text == "aangenomen bij meer dan 1/2 van de uitgebrachte stemmen")
        #expect(rules.first { $0.id == "outside-meeting" }?.source.cited(in: .nl) == "standaard als de statuten zwijgen: BW 2:40 lid 2")
    }

    @Test("a custom decision kind follows the ordinary kind where it is silent")
    func inheritance() throws {
        let text = """
            statuut "W"
              rechtsvorm vereniging

            artikel 1 "Alles"
              gebied W
                postcode 1067
              lidmaatschap automatisch voor bewoners van W
              oproeping minstens 14 dagen voor de vergadering
              besluit gewoon
                aangenomen bij minstens 3/5 van de aanwezige leden
              besluit wijkbudget
                methode gelijke delen
                budget EUR 1000,50
            """
        let statute = try #require(StatuteCompiler.compile(text).statute)
        let budget = try #require(statute.decisionKind(named: "wijkbudget"))
        #expect(budget.majority.value.share == Fraction(3, 5))
        #expect(budget.budget.value?.cents == 100_050)
        #expect(budget.method.value == .equalShares)
    }

    static func statute(_ name: String) throws -> Statute {
        let url = Fixtures.statutes.appendingPathComponent("\(name).statuut")
        return try #require(StatuteCompiler.compile(try Fixtures.read(url)).statute)
    }
}
