import BuurtstemCore
import Foundation
import Statuut
import Testing

/// The tally methods against real elections with known official outcomes.
@Suite("Tallies of real elections")
struct TallyRealElectionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/elections")

    static func read(_ name: String) throws -> ElectionFile {
        let url = folder.appendingPathComponent(name)
        return try ElectionFile.read(try String(contentsOf: url, encoding: .utf8), fileExtension: url.pathExtension)
    }

    static func ranked(_ name: String) throws -> (RankedProfile, Int?) {
        guard case .ranked(let profile, let seats, _) = try read(name) else { throw ElectionFileError(line: 0, "not ranked") }
        return (profile, seats)
    }

    @Test("equal shares with add one reproduces the official outcome", arguments: ["Netherlands_Assen_2024.pb", "Poland_Swiecie_2023.pb"])
    func equalShares(_ file: String) throws {
        guard case .budgeting(let profile, let rule, let official?, _) = try Self.read(file) else {
            Issue.record("no official outcome")
            return
        }
        #expect(rule == "equalshares/add1")
        let result = EqualShares.tally(profile)
        #expect(Set(result.elected) == Set(official))
        #expect(result.elected.map { id in profile.projects.first { $0.id == id }!.cost }.reduce(0, +) <= profile.budget)
    }

    @Test(
        "greedy by approvals reproduces Amsterdam's outcome", arguments: ["Netherlands_Amsterdam_2020_Bloemenbuurt.pb", "Netherlands_Amsterdam_2021_Osdorp.pb"])
    func greedy(_ file: String) throws {
        guard case .budgeting(let profile, _, let official?, _) = try Self.read(file) else {
            Issue.record("no official outcome")
            return
        }
        #expect(Set(EqualShares.greedy(profile).elected) == Set(official))
    }

    @Test("Burlington 2009: instant runoff elects Kiss, Schulze elects Montroll")
    func burlington() throws {
        let (profile, _) = try Self.ranked("00005-00000002.toi")
        let irv = InstantRunoff.tally(profile)
        #expect(irv.elected.map { irv.names[$0] } == ["Bob Kiss"])
        let schulze = Schulze.tally(profile)
        #expect(schulze.elected.map { schulze.names[$0] } == ["Andy Montroll"])
        #expect(schulze.ranking?.first == "2")
        #expect(schulze.ranking?.count == 6)
    }

    @Test("Glasgow 2007 Anderston: Scottish STV elects SNP, Lab, Lab, Grn as officially counted")
    func glasgow() throws {
        let (profile, seats) = try Self.ranked("glasgow_2007_anderston.blt")
        #expect(seats == 4)
        let result = ScottishSTV.tally(profile, seats: 4)
        #expect(result.details["quota"] == .int(1381))
        #expect(result.elected.map { result.names[$0]! } == ["Craig Mackay (SNP)", "Philip Braat (Lab)", "Nina Baker (Grn)", "Gordon Matheson (Lab)"])
        // First preferences as officially declared.
        let first = Dictionary(uniqueKeysWithValues: result.rounds[0].counts.map { ($0.id, $0.value) })
        #expect(first["7"] == "1632" && first["3"] == "1291" && first["8"] == "1177" && first["1"] == "880")
    }

    @Test("Meek STV elects the same candidates as the official counts of Glasgow and Dublin West")
    func meek() throws {
        let (glasgow, _) = try Self.ranked("glasgow_2007_anderston.blt")
        let g = MeekSTV.tally(glasgow, seats: 4)
        #expect(Set(g.elected.map { g.names[$0]! }) == ["Craig Mackay (SNP)", "Philip Braat (Lab)", "Nina Baker (Grn)", "Gordon Matheson (Lab)"])
        let (dublin, _) = try Self.ranked("00001-00000002.soi")
        let d = MeekSTV.tally(dublin, seats: 3)
        #expect(Set(d.elected.map { d.names[$0]! }) == ["Brian Lenihan F.F.", "Joe Higgins S.P.", "Joan Burton Lab"])
    }

    @Test("Dublin West 2002: STV elects Lenihan, Higgins and Burton")
    func dublin() throws {
        let (profile, _) = try Self.ranked("00001-00000002.soi")
        let result = ScottishSTV.tally(profile, seats: 3)
        #expect(Set(result.elected.map { result.names[$0]! }) == ["Brian Lenihan F.F.", "Joe Higgins S.P.", "Joan Burton Lab"])
    }

    @Test("Albury 2015: instant runoff over optional preferences finishes with a majority winner")
    func albury() throws {
        let (profile, _) = try Self.ranked("00058-00000001.soi")
        let result = InstantRunoff.tally(profile)
        #expect(result.elected.count == 1)
        #expect(result.rounds.last?.note.contains("a majority") == true)
    }

    @Test("file errors name the line")
    func fileErrors() {
        #expect(throws: ElectionFileError(line: 2, "expected `count: a,b,c`, found 12 1,2")) {
            try ElectionFile.read("# NUMBER ALTERNATIVES: 2\n12 1,2\n", fileExtension: "soi")
        }
        #expect(throws: ElectionFileError(line: 2, "a ballot must end with 0")) {
            try ElectionFile.read("2 1\n1 1 2\n0\n", fileExtension: "blt")
        }
        #expect(throws: ElectionFileError.self) { try ElectionFile.read("META\nkey;value\n", fileExtension: "pb") }
        #expect(throws: ElectionFileError.self) { try ElectionFile.read("x", fileExtension: "docx") }
    }
}
