import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

@testable import BuurtstemWeb

/// The rules that act, from the board's pages: the chair's casting vote, a second round after a
/// tie, a second meeting, and applications for membership.
@Suite("Board pages for the rules that act")
struct RulePagesTests {
    /// The Wildemanbuurt evening with `staking RULE` instead of `verworpen`, a board account, and a
    /// tie (`votes` for, `votes` against) on the open ballot.
    static func tiedEvening(_ rule: String, votes: Int) throws -> (db: AppDatabase, ballot: BallotID, app: some ApplicationProtocol) {
        let time = TestClock(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000))
        let db = try AppDatabase.inMemory(clock: time.clock)
        let (_, ballot) = try WebTests.prepare(db, edit: { $0.replacingOccurrences(of: "staking verworpen", with: "staking \(rule)") })
        try db.addStaff(name: "fatima", role: .board, password: "bankjes op het plein")
        _ = try db.enterVotes(ballot: ballot, choice: "yes", count: votes)
        _ = try db.enterVotes(ballot: ballot, choice: "no", count: votes)
        return (db, ballot, BuurtstemServer.application(database: db, clock: time.clock))
    }

    @Test("a tie where the chair decides: the agenda offers the chair's form; the decision is recorded and the assembly can close")
    func chairOnThePage() async throws {
        let (db, ballot, app) = try Self.tiedEvening("voorzitter beslist", votes: 5)
        try await app.test(.router) { client in
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            try await board.get(client, "/bestuur/vergaderingen/1")
            let proposal = try #require(try db.proposals(assembly: 1).first)
            let closed = try await board.post(client, "/bestuur/voorstellen/\(proposal.id)/sluiten", [("ballot", String(ballot)), ("confirmed", "ja")])
            #expect(closed.status == .ok, "\(board.lastPage)")
            #expect(board.lastPage.contains("de voorzitter beslist") && board.lastPage.contains("/bestuur/voorstellen/\(proposal.id)/voorzitter"))
            #expect(try await board.post(client, "/bestuur/vergaderingen/1/sluiten", [("confirmed", "ja")]).status == .conflict)
            // The store's refusal in Dutch, with the English beside it.
            #expect(board.lastPage.contains("leg eerst het besluit van de voorzitter vast") && board.lastPage.contains("record the chair&#39;s decision first"))
            #expect(
                try await board.post(
                    client, "/bestuur/voorstellen/\(proposal.id)/voorzitter", [("ballot", String(ballot)), ("chair", ""), ("decision", "adopted")]
                ).status == .badRequest)
            #expect(
                try await board.post(
                    client, "/bestuur/voorstellen/\(proposal.id)/voorzitter",
                    [("ballot", String(ballot)), ("chair", "Fatima Amrani"), ("decision", "adopted")]
                ).status == .ok)
            #expect(board.lastPage.contains("Het besluit van de voorzitter is vastgelegd"))
            #expect(board.lastPage.contains("Na staking van stemmen besliste de voorzitter (Fatima Amrani)") && board.lastPage.contains("Aangenomen"))
            #expect(!board.lastPage.contains("/voorzitter\""))
            #expect(try await board.post(client, "/bestuur/vergaderingen/1/sluiten", [("confirmed", "ja")]).status == .ok)
            #expect(try db.minutes(assembly: 1).markdown(in: .nl).contains("De voorzitter, Fatima Amrani, besliste: **aangenomen**"))
        }
    }

    @Test("a tie under 'herstemming': the agenda shows the first round and offers the second")
    func revoteOnThePage() async throws {
        let (db, ballot, app) = try Self.tiedEvening("herstemming", votes: 4)
        try await app.test(.router) { client in
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            try await board.get(client, "/bestuur/vergaderingen/1")
            let proposal = try #require(try db.proposals(assembly: 1).first)
            #expect(
                try await board.post(client, "/bestuur/voorstellen/\(proposal.id)/sluiten", [("ballot", String(ballot)), ("confirmed", "ja")]).status == .ok)
            #expect(board.lastPage.contains("er wordt opnieuw gestemd") && board.lastPage.contains("Herstemming openen"))
            #expect(try await board.post(client, "/bestuur/voorstellen/\(proposal.id)/stemming", []).status == .ok)
            let second = try #require(try db.ballots(assembly: 1).last)
            #expect(second.id != ballot && second.isOpen)
        }
    }

    /// De Vrije Uitloop (membership on request, a board with a municipality's seat) in a fresh database.
    static func vrijeUitloop(_ time: TestClock, from validFrom: CivilDate? = nil) throws -> AppDatabase {
        let db = try AppDatabase.inMemory(clock: time.clock)
        try db.createAssociation(
            statuteSource: try String(contentsOf: WebTests.repository.appendingPathComponent("Statutes/devrijeuitloop.statuut"), encoding: .utf8),
            fileName: "devrijeuitloop.statuut", validFrom: validFrom)
        return db
    }

    @Test("applications for membership from the board's page: recorded, admitted with the intake and profile, refused with a reason")
    func admissionPage() async throws {
        let time = TestClock(Moment(CivilDate(iso: "2026-07-01")!, seconds: 40_000))
        let db = try Self.vrijeUitloop(time)
        let csv =
            "id;postcode;huisnummer;geboortedatum\n" + (1...3).map { "R\($0);4811 AB;\($0);1980-01-01" }.joined(separator: "\n") + "\nY1;4811 AB;9;2020-01-01"
        _ = try db.importRegister(
            try RegisterParser.parse(Array(csv.utf8), today: CivilDate(iso: "2026-06-02")!), fileName: "r.csv", fileSHA256: "h",
            extractDate: CivilDate(iso: "2026-06-02")!)
        try db.addStaff(name: "fatima", role: .board, password: "bankjes op het plein")
        let app = BuurtstemServer.application(database: db, clock: time.clock)
        try await app.test(.router) { client in
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            try await board.get(client, "/bestuur")
            #expect(board.lastPage.contains("/bestuur/leden"))
            try await board.get(client, "/bestuur/leden")
            #expect(board.lastPage.contains("Het bestuur beslist") && board.lastPage.contains("Geen aanvragen"))
            for id in ["R1", "R2"] {
                #expect(try await board.post(client, "/bestuur/leden/aanvraag", [("resident", id), ("applied", "2026-06-20")]).status == .ok)
            }
            // A two-year-old cannot become a member: refused with the reason, nothing kept.
            #expect(try await board.post(client, "/bestuur/leden/aanvraag", [("resident", "Y1"), ("applied", "2026-06-20")]).status == .conflict)
            #expect(board.lastPage.contains("minimumleeftijd"))
            #expect(try db.applications().count == 2)
            // The intake and the profile are asked for (article 3); without the intake the grant is refused.
            try await board.get(client, "/bestuur/leden")
            #expect(board.lastPage.contains("name=\"intake\"") && board.lastPage.contains("Ondernemer in deeltijd"))
            #expect(try await board.post(client, "/bestuur/leden/besluit", [("resident", "R1"), ("decision", "admit"), ("profile", "ja")]).status == .conflict)
            #expect(
                try await board.post(
                    client, "/bestuur/leden/besluit",
                    [("resident", "R1"), ("decision", "admit"), ("intake", "2026-06-25"), ("profile", "ja")]
                ).status == .ok)
            #expect(board.lastPage.contains("R1 is toegelaten"))
            #expect(try await board.post(client, "/bestuur/leden/besluit", [("resident", "R2"), ("decision", "refuse"), ("reason", "")]).status == .badRequest)
            #expect(
                try await board.post(client, "/bestuur/leden/besluit", [("resident", "R2"), ("decision", "refuse"), ("reason", "geen ondernemingsplan")]).status
                    == .ok)
            #expect(board.lastPage.contains("geen ondernemingsplan"))
            #expect(try db.members(on: CivilDate(iso: "2026-07-01")!).members.map(\.id) == [ResidentID("R1")])
        }
    }

    @Test("the board members page: what the statute asks, appointing (a party's seat too), reappointing, a departure; the to-do list links it")
    func boardMembersPage() async throws {
        let time = TestClock(Moment(CivilDate(iso: "2026-07-01")!, seconds: 40_000))
        let db = try Self.vrijeUitloop(time, from: CivilDate(iso: "2024-01-01")!)
        try db.addStaff(name: "fatima", role: .board, password: "bankjes op het plein")
        let app = BuurtstemServer.application(database: db, clock: time.clock)
        try await app.test(.router) { client in
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            // The to-do list names the step and the page where it is done, not a command.
            try await board.get(client, "/bestuur")
            #expect(board.lastPage.contains("href=\"/bestuur/bestuursleden\"") && board.lastPage.contains("Doen op:"))
            try await board.get(client, "/bestuur/bestuursleden")
            #expect(board.lastPage.contains("Een bestuur van 3 tot en met 5 personen.") && board.lastPage.contains("Een bestuurszetel voor Gemeente Breda."))
            #expect(board.lastPage.contains("Er zijn nog geen bestuursleden vastgelegd."))
            for (name, seat) in [("Fatima Amrani", ""), ("Jan de Wit", "Gemeente Breda"), ("Noor Bakker", "")] {
                let appointed = try await board.post(
                    client, "/bestuur/bestuursleden/benoemen", [("name", name), ("seatFor", seat), ("on", "2024-06-01")])
                #expect(appointed.status == .ok && board.lastPage.contains("\(name) is benoemd vanaf 2024-06-01."))
            }
            // A second seat for the same party is refused by the statute's rule, with its article.
            #expect(
                try await board.post(client, "/bestuur/bestuursleden/benoemen", [("name", "Piet"), ("seatFor", "Gemeente Breda"), ("on", "2024-06-02")]).status
                    != .ok)
            // The term of two years has run out: reappointed from a later day; a departure ends a seat.
            #expect(try await board.post(client, "/bestuur/bestuursleden/herbenoemen", [("name", "Fatima Amrani"), ("on", "2026-06-01")]).status == .ok)
            #expect(try await board.post(client, "/bestuur/bestuursleden/vertrek", [("name", "Noor Bakker"), ("on", "2026-06-30")]).status == .ok)
            #expect(board.lastPage.contains("Noor Bakker zit vanaf 2026-06-30 niet meer in het bestuur."))
            #expect(board.lastPage.contains("Eerder in het bestuur"))
            let sitting = try db.boardMembers().filter { $0.sits(on: CivilDate(iso: "2026-07-01")!) }.map(\.name).sorted()
            #expect(sitting == ["Fatima Amrani", "Jan de Wit"])
            #expect(try await board.post(client, "/bestuur/bestuursleden/benoemen", [("name", ""), ("on", "2026-06-30")]).status == .badRequest)
        }
    }
}
