import BuurtstemCore
import Foundation
import Testing

/// An option as the board writes it, with what it is.
@Suite("Ballot options")
struct BallotOptionTests {
    @Test("ID:NAME, ID:NAME:COST, and a description after the cost (or after an empty cost)")
    func parsing() throws {
        #expect(try BallotOption(parsing: "lucas:Het Lucashuis") == BallotOption(id: "lucas", name: "Het Lucashuis"))
        #expect(try BallotOption(parsing: "speeltuin:Speeltuin opknappen:15000") == BallotOption(id: "speeltuin", name: "Speeltuin opknappen", cost: 15000))
        #expect(
            try BallotOption(parsing: "speeltuin:Speeltuin opknappen:15000:Nieuwe schommels en een zandbak.")
                == BallotOption(id: "speeltuin", name: "Speeltuin opknappen", cost: 15000, description: "Nieuwe schommels en een zandbak."))
        #expect(
            try BallotOption(parsing: "anna:Anna de Vries::Woont twintig jaar in de buurt: ze kent iedereen.")
                == BallotOption(id: "anna", name: "Anna de Vries", description: "Woont twintig jaar in de buurt: ze kent iedereen."))
        #expect(throws: BallotOption.Malformed.self) { try BallotOption(parsing: "x:Naam:veel") }
        #expect(throws: BallotOption.Malformed.self) { try BallotOption(parsing: ":Naam") }
    }

    @Test("an option without a description is stored as before: no description key")
    func storedAsBefore() throws {
        let plain = String(decoding: try JSONEncoder().encode([BallotOption(id: "a", name: "A", cost: 5)]), as: UTF8.self)
        #expect(!plain.contains("description"))
        let described = try JSONEncoder().encode([BallotOption(id: "a", name: "A", description: "Wat het is.")])
        #expect(try JSONDecoder().decode([BallotOption].self, from: described).first?.description == "Wat het is.")
    }
}
