import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

/// At an assembly every phone on the venue's Wi-Fi shares one address: the limiter must slow a
/// guesser down without ever standing between a real code and its vote.
@Suite("The limiter never refuses a real code")
struct LimiterTests {
    @Test("1,000 guessed codes from one address; then every real code from that address still votes (API and phone page)")
    func guessesDoNotBlockRealCodes() async throws {
        let (db, codes, ballot, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var random = SeededGenerator(seed: 10)
            var throttled = 0
            var forbidden = 0
            for _ in 0..<1_000 {
                let guess = VotingCode.generate(using: &random)
                try await client.execute(uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: WebTests.body(guess, ballot, "yes")) {
                    response in
                    #expect(response.status == .tooManyRequests || response.status == .forbidden)
                    if response.status == .tooManyRequests {
                        throttled += 1
                        #expect(response.headers[.retryAfter] != nil)
                    } else {
                        forbidden += 1
                    }
                }
            }
            // The back-off for unknown codes is kept: after the first ten the guesser waits.
            #expect(forbidden == 11 && throttled == 989)
            // Every checked-in member votes from the same (throttled) address: 15 by the API …
            for n in 1...15 {
                try await client.execute(
                    uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders,
                    body: WebTests.body(codes[ResidentID("R\(n)")]!, ballot, "yes")
                ) { response in
                    #expect(response.status == .created, "R\(n) was refused: \(String(buffer: response.body))")
                }
            }
            // … and 15 through the phone pages.
            for n in 16...30 {
                var phone = Browser()
                let entered = try await phone.post(client, "/stem", [("code", codes[ResidentID("R\(n)")]!.description)], csrf: false)
                #expect(entered.status == .seeOther, "R\(n) could not enter their code")
                #expect(try await phone.post(client, "/stemmen/\(ballot)/bevestig", [("choice", "no")], csrf: false).status == .created)
            }
            // A guess on the phone page is still throttled, a typo is never counted.
            var guesser = Browser()
            #expect(
                try await guesser.post(client, "/stem", [("code", VotingCode.generate(using: &random).description)], csrf: false).status == .tooManyRequests)
            #expect(try await guesser.post(client, "/stem", [("code", "AAAA-AAAA-AAAA-AAB")], csrf: false).status == .badRequest)
        }
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 30)
    }

    @Test("the board sees an alarm when unknown codes come faster than a person types, and not for a few mistakes")
    func guessingAlarm() async throws {
        let (_, _, ballot, time, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            var random = SeededGenerator(seed: 11)
            for _ in 0..<3 {
                try await client.execute(
                    uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders,
                    body: WebTests.body(VotingCode.generate(using: &random), ballot, "yes")
                ) { #expect($0.status == .forbidden) }
            }
            #expect(!(try await board.get(client, "/bestuur")).body.description.isEmpty)
            #expect(!board.lastPage.contains("id=\"guessing\""))
            for _ in 0..<20 {
                try await client.execute(
                    uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders,
                    body: WebTests.body(VotingCode.generate(using: &random), ballot, "yes")
                ) { _ in }
            }
            try await board.get(client, "/bestuur")
            #expect(board.lastPage.contains("id=\"guessing\"") && board.lastPage.contains("23 onbekende stemcodes in de laatste minuut"))
            // A minute later the alarm is gone (the five-minute count stays).
            time.advance(61)
            try await board.get(client, "/bestuur")
            #expect(!board.lastPage.contains("id=\"guessing\""))
        }
    }

    @Test("bad input gets a clear error and no effect on other voters: an unknown code with a valid check character, a 10 MB body, look-alikes")
    func badInput() async throws {
        let (db, codes, ballot, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var random = SeededGenerator(seed: 12)
            try await client.execute(
                uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders,
                body: WebTests.body(VotingCode.generate(using: &random), ballot, "yes")
            ) { response in
                #expect(response.status == .forbidden && String(buffer: response.body).contains("unknown-code"))
            }
            let huge = ByteBuffer(string: "{\"code\":\"" + String(repeating: "A", count: 10 * 1024 * 1024) + "\"}")
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: huge) { response in
                #expect(
                    response.status == .contentTooLarge && String(buffer: response.body).contains("too-large"),
                    "\(response.status) \(String(buffer: response.body).prefix(200))")
            }
            var phone = Browser()
            let form = try await phone.post(client, "/stem", [("code", String(repeating: "A", count: 10 * 1024 * 1024))], csrf: false)
            #expect(form.status == .contentTooLarge)
            // A Cyrillic keyboard and a lower-case code still vote.
            let code = codes[ResidentID("R1")]!.description.lowercased().replacingOccurrences(of: "a", with: "а")
            try await client.execute(
                uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders,
                body: ByteBuffer(string: "{\"code\":\"\(code)\",\"ballot\":\(ballot),\"choice\":\"yes\"}")
            ) { response in
                #expect(response.status == .created)
            }
            let zero = try await phone.post(client, "/stem", [("code", "0" + codes[ResidentID("R2")]!.characters.dropFirst())], csrf: false)
            #expect(zero.status == .badRequest && phone.lastPage.contains("Codes hebben geen 0 (nul)"))
        }
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 1)
    }
}
