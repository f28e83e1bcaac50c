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

    @Test("nobody signed in is sent to sign in; the desk may not use the board's pages; a form without the session's token changes nothing")
    func gate() async throws {
        let (db, _, _, _, app) = try StaffTests.evening()
        let before = try db.auditHead().size
        try await app.test(.router) { client in
            var nobody = Browser()
            for path in Self.boardPages + Self.deskPages {
                let response = try await nobody.get(client, path)
                #expect(response.status == .seeOther && response.headers[.location] == "/inloggen", "GET \(path)")
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
