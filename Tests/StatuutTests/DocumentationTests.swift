import Foundation
import Statuut
import Testing

/// docs/statute-language.md is the reference: it must show every form and every diagnostic code.
@Suite("Documentation")
struct DocumentationTests {
    @Test("the language reference lists every form in both languages and every diagnostic code")
    func referenceIsComplete() throws {
        let doc = try Fixtures.read(Fixtures.repository.appendingPathComponent("docs/statute-language.md"))
        for form in Grammar.forms {
            #expect(doc.contains("nl: `\(form.notation(in: .nl))`"), "missing \(form.id) (nl)")
            #expect(doc.contains("en: `\(form.notation(in: .en))`"), "missing \(form.id) (en)")
        }
        for id in DiagnosticID.allCases {
            #expect(doc.contains("| \(id.code) | `\(id)` |"), "missing \(id.code)")
        }
    }
}

@Suite("Values")
struct ValueTests {
    @Test("postcodes are normalised and validated", arguments: ["1067pa", "1067 PA", "1067-PA", " 1067 pa "])
    func postcodes(_ text: String) throws {
        #expect(try Postcode(parsing: text).description == "1067 PA")
    }

    @Test("impossible postcodes are refused with the reason")
    func badPostcodes() {
        #expect(throws: Postcode.Problem.leadingZero) { try Postcode(parsing: "0123 AB") }
        #expect(throws: Postcode.Problem.forbiddenLetters("SS")) { try Postcode(parsing: "1067 SS") }
        #expect(throws: Postcode.Problem.forbiddenLetters("SA")) { try Postcode(parsing: "1067SA") }
        #expect(throws: Postcode.Problem.forbiddenLetters("SD")) { try Postcode(parsing: "1067-sd") }
        #expect(throws: Postcode.Problem.wrongShape) { try Postcode(parsing: "1067 P") }
        #expect(throws: Postcode.Problem.wrongShape) { try Postcode(parsing: "106 PAA") }
    }

    @Test("fractions compare exactly")
    func fractions() throws {
        let half = try #require(Fraction(2, 4))
        #expect(half == .half)
        #expect(!half.isExceeded(by: 5, of: 10))
        #expect(half.isReached(by: 5, of: 10))
        #expect(Fraction.twoThirds.isReached(by: 2, of: 3))
        #expect(!Fraction.twoThirds.isReached(by: 666_666, of: 1_000_000))
        #expect(Fraction.twoThirds.minimumCount(of: 10) == 7)
        #expect(Fraction(1, 0) == nil)
        #expect(MajorityRule(share: .half, strict: true, base: .votesCast).isMet(by: 51, of: 100))
        #expect(!MajorityRule(share: .half, strict: true, base: .votesCast).isMet(by: 50, of: 100))
    }

    @Test("civil dates do day arithmetic without a calendar")
    func dates() throws {
        let date = try #require(CivilDate(iso: "2026-03-01"))
        #expect(date.adding(days: -1).description == "2026-02-28")
        #expect(try #require(CivilDate(iso: "2024-03-01")).adding(days: -1).description == "2024-02-29")
        #expect(try #require(CivilDate(iso: "2026-01-31")).adding(months: 1).description == "2026-02-28")
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(date.days(until: date.adding(days: 45)) == 45)
    }
}
