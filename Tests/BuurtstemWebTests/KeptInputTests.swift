import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

/// What a resident typed survives an error: the code after a typo, the ranks after two options
/// were given one place; what is wrong is marked and tied to the message.
@Suite("Web: input kept after an error")
struct KeptInputTests {
    @Test("a code with a typo stays in the field, marked, with the message tied to it")
    func codeKept() async throws {
        let (_, codes, _, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var phone = Browser()
            let code = codes[ResidentID("R1")]!.description
            let typo = String(code.dropLast()) + (code.last == "A" ? "B" : "A")
            let typed = try await phone.post(client, "/stem", [("code", typo)], csrf: false)
            #expect(typed.status == .badRequest)
            #expect(phone.lastPage.contains("value=\"\(typo)\""))
            #expect(phone.lastPage.contains("aria-invalid=\"true\" aria-describedby=\"code-error\"") && phone.lastPage.contains("id=\"code-error\""))
            // Markup typed into the field comes back as text.
            #expect(try await phone.post(client, "/stem", [("code", "\"><b>x")], csrf: false).status == .badRequest)
            #expect(!phone.lastPage.contains("<b>x") && phone.lastPage.contains("&quot;&gt;&lt;b&gt;x"))
        }
    }

    @Test("a ranking with one place given twice comes back as ranked, the two options marked")
    func ranksKept() async throws {
        let time = TestClock(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000))
        let db = try AppDatabase.inMemory(clock: time.clock)
        let (codes, _) = try WebTests.prepare(db, laterProposals: ["Een naam voor het plein"], laterKind: "buurtnaam")
        let naming = try #require(try db.proposals(assembly: 1).first { $0.title == "Een naam voor het plein" })
        let ballot = try db.openBallot(
            proposal: naming.id,
            options: [
                BallotOption(id: "linde", name: "Lindeplein", description: "Naar de linden <rond> het plein."), BallotOption(id: "zon", name: "Zonneplein"),
                BallotOption(id: "vrede", name: "Vredesplein"),
            ])
        let app = BuurtstemServer.application(database: db, clock: time.clock)
        try await app.test(.router) { client in
            var phone = try await SharedPhoneTests.signIn(client, codes[ResidentID("R3")]!)
            let twice = try await phone.post(
                client, "/stemmen/\(ballot.id)", [("rank[linde]", "1"), ("rank[zon]", "1"), ("rank[vrede]", "2")], csrf: false)
            #expect(twice.status == .ok && phone.lastPage.contains("id=\"choice-error\""))
            for id in ["linde", "zon"] {
                #expect(phone.lastPage.contains("name=\"rank[\(id)]\" aria-invalid=\"true\""), "\(id) not marked")
            }
            #expect(!phone.lastPage.contains("name=\"rank[vrede]\" aria-invalid"))
            // An option's description is under its name, escaped, and describes its control (with the error where it is wrong).
            #expect(phone.lastPage.contains("<p class=\"about-option\" id=\"about-linde\">Naar de linden &lt;rond&gt; het plein.</p>"))
            #expect(phone.lastPage.contains("aria-describedby=\"choice-error about-linde\""))
            // The places chosen are still chosen: 1, 1 and 2.
            #expect(phone.lastPage.components(separatedBy: "value=\"1\" selected").count - 1 == 2)
            #expect(phone.lastPage.components(separatedBy: "value=\"2\" selected").count - 1 == 1)
            // Corrected, it goes on to the check.
            #expect(
                try await phone.post(client, "/stemmen/\(ballot.id)", [("rank[linde]", "1"), ("rank[zon]", "3"), ("rank[vrede]", "2")], csrf: false)
                    .status == .ok)
            #expect(phone.lastPage.contains("name=\"choice\" value=\"linde,vrede,zon\""))
        }
    }

    @Test("a form that is not one of ours (a field twice where one is meant) is a 400 that names the field")
    func malformedForm() async throws {
        let (_, _, _, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var phone = Browser()
            let response = try await phone.post(client, "/stem", [("code", "A"), ("code", "B")], csrf: false)
            #expect(response.status == .badRequest && phone.lastPage.contains("code"))
        }
    }
}
