import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Web: every staff page is behind the one gate")
struct StaffGateTests {
    static let boardPages = [
        "/bestuur", "/bestuur/accounts", "/bestuur/leden", "/bestuur/naleving", "/bestuur/vergaderingen/1", "/bestuur/notulen/1",
        "/bestuur/audit",
    ]
    static let boardForms = [
        "/bestuur/accounts", "/bestuur/accounts/balie1/uitschakelen", "/bestuur/leden/aanvraag", "/bestuur/leden/besluit",
        "/bestuur/naleving/jaarrekening", "/bestuur/naleving/organisatie", "/bestuur/vergaderingen", "/bestuur/vergaderingen/1/oproepen",
        "/bestuur/vergaderingen/1/voorstellen", "/bestuur/voorstellen/1/toelaten",
    ]
    static let deskPages = ["/balie", "/balie/1"]
    static let deskForms = ["/balie/1/aanwezig", "/balie/1/volmacht", "/balie/1/code", "/balie/1/stemstatus"]

    @Test("after signing in, staff return to the page that asked for it, where their role may see it, and never to another site")
    func returnAfterSignIn() async throws {
        let (_, _, _, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var desk = Browser()
            #expect(try await desk.get(client, "/balie/1").headers[.location] == "/inloggen?terug=/balie/1")
            #expect(try await desk.get(client, "/inloggen?terug=/balie/1").status == .ok)
            #expect(desk.lastPage.contains(#"<input type="hidden" name="terug" value="/balie/1">"#))
            #expect(
                try await desk.post(client, "/inloggen", [("name", "balie1"), ("password", "koffie en koekjes"), ("terug", "/balie/1")], csrf: false)
                    .headers[.location] == "/balie/1")
            var board = Browser()
            #expect(
                try await board.post(
                    client, "/inloggen", [("name", "fatima"), ("password", "bankjes op het plein"), ("terug", "/bestuur/notulen/1")], csrf: false
                ).headers[.location] == "/bestuur/notulen/1")
            // The desk asked for a board page: its own start instead of a refusal.
            var other = Browser()
            #expect(
                try await other.post(client, "/inloggen", [("name", "balie1"), ("password", "koffie en koekjes"), ("terug", "/bestuur/accounts")], csrf: false)
                    .headers[.location] == "/balie")
            for elsewhere in ["//evil.example/balie", "https://evil.example/", "/balie//evil.example", "/elders"] {
                var browser = Browser()
                let response = try await browser.post(
                    client, "/inloggen", [("name", "balie1"), ("password", "koffie en koekjes"), ("terug", elsewhere)], csrf: false)
                #expect(response.headers[.location] == "/balie", "\(elsewhere)")
            }
        }
    }

    @Test("nobody signed in is sent to sign in; the desk may not use the board's pages; a form without the session's token changes nothing")
    func gate() async throws {
        let (db, _, _, _, app) = try StaffTests.evening()
        let before = try db.auditHead().size
        try await app.test(.router) { client in
            var nobody = Browser()
            for path in Self.boardPages + Self.deskPages {
                let response = try await nobody.get(client, path)
                // Sent to sign in, and back to this page afterwards.
                let back = path == "/bestuur" || path == "/balie" ? "/inloggen" : "/inloggen?terug=" + path.replacingOccurrences(of: "?", with: "%3F")
                #expect(response.status == .seeOther && response.headers[.location] == back, "GET \(path)")
            }
            for path in Self.boardForms + Self.deskForms {
                let response = try await nobody.post(client, path, [("member", "R35")], csrf: false)
                #expect(response.status == .seeOther && response.headers[.location] == "/inloggen", "POST \(path)")
            }
            var desk = Browser()
            try await desk.signIn(client, "balie1", "koffie en koekjes")
            for path in Self.deskPages { #expect(try await desk.get(client, path).status == .ok, "GET \(path) as the desk") }
            for path in Self.boardPages { #expect(try await desk.get(client, path).status == .forbidden, "GET \(path) as the desk") }
            for path in Self.boardForms { #expect(try await desk.post(client, path, []).status == .forbidden, "POST \(path) as the desk") }
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            for path in Self.boardPages + Self.deskPages { #expect(try await board.get(client, path).status == .ok, "GET \(path) as the board") }
            for path in Self.boardForms + Self.deskForms {
                #expect(try await board.post(client, path, [("member", "R35")], csrf: false).status == .forbidden, "POST \(path) without token")
            }
        }
        // Signing in is logged; nothing the refused forms asked for is.
        var lines: [String] = []
        try db.exportAudit { lines.append($0) }
        let actions = lines.dropFirst(before).compactMap { line in
            line.range(of: #""action":"[^"]*""#, options: .regularExpression).map { String(line[$0]) }
        }
        #expect(actions.allSatisfy { $0.contains("staff.") }, "\(actions)")
    }
}
