import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

/// A phone passed to a neighbour, a laptop left signed in: sessions end when they should.
@Suite("Sessions on shared phones and laptops")
struct SharedPhoneTests {
    static func signIn(_ client: some TestClientProtocol, _ code: VotingCode) async throws -> Browser {
        var phone = Browser()
        #expect(try await phone.post(client, "/stem", [("code", code.description)], csrf: false).status == .seeOther)
        return phone
    }

    @Test("a resident signs out on every page; the phone then cannot vote for them")
    func signOut() async throws {
        let (_, codes, ballot, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var phone = try await Self.signIn(client, codes[ResidentID("R1")]!)
            for page in ["/stemmen", "/stemmen/\(ballot)"] {
                try await phone.get(client, page)
                #expect(phone.lastPage.contains("action=\"/stem/afmelden\"") && phone.lastPage.contains("10 minuten"), "no sign-out on \(page)")
            }
            #expect(try await phone.post(client, "/stemmen/\(ballot)/bevestig", [("choice", "yes")], csrf: false).status == .created)
            #expect(phone.lastPage.contains("action=\"/stem/afmelden\""))
            try await phone.post(client, "/stem/afmelden", [], csrf: false)
            #expect(phone.lastPage.contains("id=\"signed-out\""))
            try await phone.get(client, "/stemmen")
            #expect(phone.lastPage.contains("id=\"code\"") && !phone.lastPage.contains("Open stemmingen"))
        }
    }

    @Test("the session ends once the ballots it saw have closed (a ballot opened later needs the code again), and after 10 idle minutes")
    func endsWithItsBallots() async throws {
        let time = TestClock(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000))
        let db = try AppDatabase.inMemory(clock: time.clock)
        let (codes, ballot) = try WebTests.prepare(db, laterProposals: ["Later"])
        let later = try #require(try db.proposals(assembly: 1).first { $0.title == "Later" })
        let app = BuurtstemServer.application(database: db, clock: time.clock)
        try await app.test(.router) { client in
            var phone = try await Self.signIn(client, codes[ResidentID("R2")]!)
            try await phone.get(client, "/stemmen")
            #expect(phone.lastPage.contains("/stemmen/\(ballot)"))
            _ = try db.closeBallot(ballot)
            let next = try db.openBallot(proposal: later.id)
            // The neighbour who gets the phone now cannot vote on the new ballot with it.
            try await phone.get(client, "/stemmen/\(next.id)")
            #expect(phone.lastPage.contains("id=\"code\"") && !phone.lastPage.contains("name=\"choice\""))
            // Entering the code again works, and 10 idle minutes end that session too.
            phone = try await Self.signIn(client, codes[ResidentID("R2")]!)
            try await phone.get(client, "/stemmen")
            #expect(phone.lastPage.contains("/stemmen/\(next.id)"))
            time.advance(11 * 60)
            try await phone.get(client, "/stemmen")
            #expect(phone.lastPage.contains("id=\"code\""))
        }
    }

    @Test("a new password ends the account's other sessions")
    func newPasswordEndsSessions() async throws {
        let (_, _, _, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var laptop = Browser()
            var tablet = Browser()
            var board = Browser()
            try await laptop.signIn(client, "balie1", "koffie en koekjes")
            try await tablet.signIn(client, "balie1", "koffie en koekjes")
            #expect(try await laptop.get(client, "/balie").status == .ok)
            try await board.signIn(client, "fatima", "bankjes op het plein")
            try await board.get(client, "/bestuur/accounts")
            let form = DoubleSubmitTests.onceToken(board.lastPage, action: "/bestuur/accounts/balie1/wachtwoord")
            let changed = try await board.post(
                client, "/bestuur/accounts/balie1/wachtwoord",
                [("password", "een nieuw wachtwoord"), ("again", "een nieuw wachtwoord"), ("once", form)])
            #expect(changed.status == .ok && board.lastPage.contains("2 andere sessie(s)"))
            #expect(try await laptop.get(client, "/balie").status == .seeOther)
            #expect(try await tablet.get(client, "/balie").status == .seeOther)
            #expect(try await board.get(client, "/bestuur").status == .ok)
        }
    }
}

@Suite("The desk checks a letter's voting status from its code")
struct DeskVotingStatusTests {
    @Test("typing the letter's code shows, per open ballot, whether it voted — never how")
    func status() async throws {
        let (_, codes, ballot, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var desk = Browser()
            try await desk.signIn(client, "balie1", "koffie en koekjes")
            try await desk.get(client, "/balie/1")
            #expect(desk.lastPage.contains("action=\"/balie/1/stemstatus\""))
            let code = codes[ResidentID("R3")]!
            try await desk.post(client, "/balie/1/stemstatus", [("code", code.description)])
            #expect(desk.lastPage.contains("id=\"status\"") && desk.lastPage.contains("nog niet gestemd"))
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: WebTests.body(code, ballot, "no")) {
                #expect($0.status == .created)
            }
            try await desk.get(client, "/balie/1")
            try await desk.post(client, "/balie/1/stemstatus", [("code", code.description.lowercased())])
            #expect(desk.lastPage.contains("gestemd — de stem telt mee") && !desk.lastPage.contains("Tegen"))
            var random = SeededGenerator(seed: 3)
            try await desk.get(client, "/balie/1")
            #expect(try await desk.post(client, "/balie/1/stemstatus", [("code", VotingCode.generate(using: &random).description)]).status == .notFound)
        }
    }
}
