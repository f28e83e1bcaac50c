import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

@Suite("Voting by code: the secret ballot")
struct SecretBallotTests {
    /// An open assembly of 40 members with an open yes/no ballot and codes issued.
    static func setUp(statute: String = StoreFixtures.statuteText("wildemanbuurt")) throws -> (AppDatabase, [ResidentID: VotingCode]) {
        let db = try AppDatabase.inMemory(clock: StoreFixtures.clock)
        try db.createAssociation(statuteSource: statute, fileName: "wildemanbuurt.statuut")
        let csv = "id;postcode;huisnummer;geboortedatum\n" + (1...40).map { "R\($0);1067 PB;\($0);1980-01-01" }.joined(separator: "\n")
        _ = try db.importRegister(try StoreFixtures.extract(csv, on: "2026-01-20"), fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-01-20"))
        _ = try db.scheduleAssembly(date: day("2026-03-20"), place: "LuCafé", today: day("2026-02-01"))
        _ = try db.callAssembly(1, on: day("2026-03-01"))
        let codes = Dictionary(uniqueKeysWithValues: try db.issueCodes(assembly: 1).map { ($0.member, $0.code) })
        let proposal = try db.submitProposal(Proposal(id: 0, title: "x", text: "", kind: "gewoon", source: .board, assembly: 1), on: day("2026-02-20"))
        _ = try db.admitProposal(proposal.id)
        let second = try db.submitProposal(Proposal(id: 0, title: "y", text: "", kind: "gewoon", source: .board, assembly: 1), on: day("2026-02-20"))
        _ = try db.admitProposal(second.id)
        _ = try db.openAssembly(1, on: day("2026-03-20"))
        return (db, codes)
    }

    @Test("a code votes once, only after check-in, and only while the ballot is open")
    func rules() throws {
        let (db, codes) = try Self.setUp()
        #expect(codes.count == 40)
        for id in (1...30).map({ ResidentID("R\($0)") }) { _ = try db.checkIn(id, assembly: 1) }
        let ballot = try db.openBallot(proposal: 1)
        #expect(throws: VoteRejection.notCheckedIn) { try db.castVote(code: codes[ResidentID("R35")]!, ballot: ballot.id, choice: "yes") }
        let receipt = try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot.id, choice: "yes")
        #expect(receipt.count == 10)
        #expect(throws: VoteRejection.alreadyVoted) { try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot.id, choice: "no") }
        var random = SystemRandomNumberGenerator()
        #expect(throws: VoteRejection.unknownCode) { try db.castVote(code: VotingCode.generate(using: &random), ballot: ballot.id, choice: "yes") }
        let refused = #expect(throws: VoteRejection.self) { try db.castVote(code: codes[ResidentID("R2")]!, ballot: ballot.id, choice: "maybe") }
        guard case .invalidChoice(let why)? = refused else {
            Issue.record("not an invalid choice: \(String(describing: refused))")
            return
        }
        #expect(why.en == "`maybe` is not a yes/no vote: use yes, no or blank (voor, tegen, blanco)")
        #expect(why.nl == "`maybe` is geen stem voor of tegen: kies voor, tegen of blanco (yes, no, blank)")
        let fresh = try db.reissueCode(assembly: 1, member: ResidentID("R3"), old: codes[ResidentID("R3")]!)
        #expect(throws: VoteRejection.revoked) { try db.castVote(code: codes[ResidentID("R3")]!, ballot: ballot.id, choice: "yes") }
        _ = try db.castVote(code: fresh.code, ballot: ballot.id, choice: "no")
        _ = try db.closeBallot(ballot.id)
        #expect(throws: VoteRejection.ballotClosed) { try db.castVote(code: codes[ResidentID("R4")]!, ballot: ballot.id, choice: "yes") }
        let board = try db.ballotBoard(ballot.id)
        #expect(board.receipts == board.receipts.sorted() && board.receipts.contains(receipt))
        #expect(board.choices == [.no, .yes], "the choices are a separate list, sorted by choice")
        #expect(try db.recount(ballot.id).matches)
    }

    @Test("a ballot's markers never join the member's code hash; only the plain code finds its own")
    func markers() throws {
        let (db, codes) = try Self.setUp()
        for n in 1...5 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        let ballot = try db.openBallot(proposal: 1)
        for n in 1...3 { _ = try db.castVote(code: codes[ResidentID("R\(n)")]!, ballot: ballot.id, choice: "yes") }
        let joined = try db.writer.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM code_vote JOIN voting_code ON voting_code.code_hash = code_vote.marker")
        }
        #expect(joined == 0)
        let columns = try db.writer.read { try Row.fetchAll($0, sql: "PRAGMA table_info(code_vote)").map { $0["name"] as String } }
        #expect(columns == ["ballot_id", "marker", "sealed_receipt"])
        #expect(try db.hasVoted(codes[ResidentID("R1")]!, ballot: ballot.id))
        #expect(try !db.hasVoted(codes[ResidentID("R4")]!, ballot: ballot.id))
        let secureDelete = try db.writer.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") }
        #expect(secureDelete == 1)
    }

    @Test("where the statute allows it, a member replaces their vote until the close (the last counts); elsewhere a second vote is refused")
    func replacement() throws {
        let text = StoreFixtures.statuteText("wildemanbuurt")
            .replacingOccurrences(of: "    staking verworpen\n", with: "    staking verworpen\n    stem wijzigen mag tot de sluiting\n")
        let (db, codes) = try Self.setUp(statute: text)
        for n in 1...3 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        let ballot = try db.openBallot(proposal: 1)
        #expect(try db.votesMayBeChanged(ballot: ballot.id))
        let first = try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot.id, choice: "yes")
        _ = try db.castVote(code: codes[ResidentID("R2")]!, ballot: ballot.id, choice: "yes")
        let second = try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot.id, choice: "no")
        let third = try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot.id, choice: "blank")
        #expect(Set([first, second, third]).count == 3)
        #expect(try db.recordedChoice(ballot: ballot.id, receipt: first) == nil)
        #expect(try db.recordedChoice(ballot: ballot.id, receipt: second) == nil)
        #expect(try db.recordedChoice(ballot: ballot.id, receipt: third) == .blank)
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 2)
        #expect(try db.voteIntegrity().allSatisfy(\.isConsistent))
        var log = ""
        try db.exportAudit { log += $0 + "\n" }
        #expect(log.components(separatedBy: "\"vote.replaced\"").count == 3)
        // R2 brings the letter for a new code: the vote carries over, and the new code may still change it.
        let r2 = try db.reissueCode(assembly: 1, member: ResidentID("R2"), old: codes[ResidentID("R2")]!)
        #expect(try r2.carriedOver == 1 && db.hasVoted(r2.code, ballot: ballot.id))
        let fourth = try db.castVote(code: r2.code, ballot: ballot.id, choice: "no")
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 2)
        #expect(try db.voteIntegrity().allSatisfy(\.isConsistent))
        _ = try db.closeBallot(ballot.id)
        #expect(try db.ballotBoard(ballot.id).choices == [.blank, .no])
        #expect(try db.ballotBoard(ballot.id).receipts.sorted() == [third, fourth].sorted())
        #expect(throws: VoteRejection.ballotClosed) { try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot.id, choice: "yes") }
        #expect(try db.verifyAudit().isIntact)

        // The statutes as they are: a vote once cast stands.
        let (plain, plainCodes) = try Self.setUp()
        _ = try plain.checkIn(ResidentID("R1"), assembly: 1)
        let plainBallot = try plain.openBallot(proposal: 1)
        #expect(try !plain.votesMayBeChanged(ballot: plainBallot.id))
        _ = try plain.castVote(code: plainCodes[ResidentID("R1")]!, ballot: plainBallot.id, choice: "yes")
        #expect(throws: VoteRejection.alreadyVoted) { try plain.castVote(code: plainCodes[ResidentID("R1")]!, ballot: plainBallot.id, choice: "no") }
    }

    @Test("the vote table holds nothing that links a vote to a member, a code or a time")
    func schema() throws {
        let (db, _) = try Self.setUp()
        let columns = try db.writer.read { try Row.fetchAll($0, sql: "PRAGMA table_info(vote)").map { $0["name"] as String } }
        #expect(columns == ["ballot_id", "receipt", "choice"])
        let withoutRowID = try db.writer.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'vote'") }
        #expect(withoutRowID?.contains("WITHOUT ROWID") == true)
    }

    @Test("100 simultaneous submissions of one code give exactly one vote")
    func concurrentSameCode() async throws {
        let (db, codes) = try Self.setUp()
        _ = try db.checkIn(ResidentID("R1"), assembly: 1)
        let ballot = try db.openBallot(proposal: 1)
        let writer = VoteWriter(database: db)
        let code = codes[ResidentID("R1")]!
        let results = await withTaskGroup(of: Result<String, any Error>.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    do { return .success(try await writer.cast(code: code, ballot: ballot.id, choice: "yes").receipt) } catch { return .failure(error) }
                }
            }
            var all: [Result<String, any Error>] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.filter { if case .success = $0 { return true } else { return false } }.count == 1)
        #expect(results.allSatisfy { if case .failure(let e) = $0 { return (e as? VoteRejection) == .alreadyVoted } else { return true } })
        let (votes, used) = try await db.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vote") ?? -1, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM code_vote") ?? -1)
        }
        #expect(votes == 1 && used == 1)
    }

    @Test("many members voting at once are all written, in batches, and the log verifies")
    func concurrentMany() async throws {
        let (db, codes) = try Self.setUp()
        for n in 1...40 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        let ballot = try db.openBallot(proposal: 1)
        let writer = VoteWriter(database: db)
        let receipts = try await withThrowingTaskGroup(of: String.self) { group in
            for (member, code) in codes {
                group.addTask { try await writer.cast(code: code, ballot: ballot.id, choice: member.rawValue.hasSuffix("7") ? "no" : "yes").receipt }
            }
            var all: [String] = []
            for try await receipt in group { all.append(receipt) }
            return all
        }
        #expect(Set(receipts).count == 40)
        let result = try db.closeBallot(ballot.id).result
        #expect(result.yes == 36 && result.no == 4)
        #expect(try db.verifyAudit().isIntact)
    }
}
