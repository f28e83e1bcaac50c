import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

/// A double click, a resent form or a second board member: every board and desk form sent twice in
/// a row does its work once; the second answer says it was already done, and nothing changes.
@Suite("Every staff form sent twice does its work once")
struct DoubleSubmitTests {
    /// The one-button forms on a page: action and hidden fields.
    static func buttonForms(_ page: String) -> [(action: String, fields: [(String, String)])] {
        var forms: [(String, [(String, String)])] = []
        var rest = Substring(page)
        while let start = rest.range(of: "<form method=\"post\" action=\""), let end = rest[start.upperBound...].range(of: "</form>") {
            let form = rest[start.upperBound..<end.lowerBound]
            rest = rest[end.upperBound...]
            let action = String(form.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            // Only forms that can be sent as they are (hidden fields, optional ones left empty): a button
            // the board or desk presses.
            let inputs = form.components(separatedBy: "<input").dropFirst()
            // Signing out twice is harmless by nature and ends the session the second post would need.
            guard inputs.allSatisfy({ $0.contains("type=\"hidden\"") || !$0.prefix { $0 != ">" }.contains("required") }), !form.contains("<select"),
                !form.contains("<textarea"),
                action != "/uitloggen"
            else { continue }
            let fields = inputs.compactMap { input -> (String, String)? in
                let tag = input.prefix { $0 != ">" }
                guard let name = tag.range(of: "name=\"") else { return nil }
                let value = tag.range(of: "value=\"").map { String(tag[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
                return (String(tag[name.upperBound...].prefix { $0 != "\"" }), value.replacingOccurrences(of: "&amp;", with: "&"))
            }
            forms.append((action, fields))
        }
        return forms
    }

    /// The one-time token of the form posting to `action` on a page.
    static func onceToken(_ page: String, action: String) -> String {
        guard let start = page.range(of: "action=\"\(action)\""), let once = page[start.upperBound...].range(of: "name=\"once\" value=\"") else { return "" }
        return String(page[once.upperBound...].prefix { $0 != "\"" })
    }

    static let pages: [(page: String, account: (String, String))] = [
        ("/bestuur", ("fatima", "bankjes op het plein")),
        ("/bestuur/vergaderingen/1", ("fatima", "bankjes op het plein")),
        ("/bestuur/accounts", ("fatima", "bankjes op het plein")),
        ("/balie/1?postcode=1067%20PB&huisnummer=35", ("balie1", "koffie en koekjes")),
        ("/balie/1?postcode=1067%20PB&huisnummer=5", ("balie1", "koffie en koekjes")),
    ]

    @Test(
        "each one-button form on the board's and the desk's pages, sent twice: the second is 'already done' and the log does not grow",
        arguments: pages.map(\.page))
    func twice(_ page: String) async throws {
        let account = Self.pages.first { $0.page == page }!.account
        // Which forms the page has (on a fresh evening).
        let count = try await { () async throws -> Int in
            let (_, _, _, _, app) = try StaffTests.evening()
            return try await app.test(.router) { client in
                var staff = Browser()
                try await staff.signIn(client, account.0, account.1)
                try await staff.get(client, page)
                return Self.buttonForms(staff.lastPage).count
            }
        }()
        #expect(count >= 1, "no forms found on \(page)")
        for index in 0..<count {
            let (db, _, _, _, app) = try StaffTests.evening()
            try await app.test(.router) { client in
                var staff = Browser()
                try await staff.signIn(client, account.0, account.1)
                try await staff.get(client, page)
                let form = Self.buttonForms(staff.lastPage)[index]
                let first = try await staff.post(client, form.action, form.fields, csrf: false)
                let size = try db.auditHead().size
                let second = try await staff.post(client, form.action, form.fields, csrf: false)
                #expect(second.status == .conflict, "\(form.action) sent twice: \(second.status) (first: \(first.status))")
                #expect(staff.lastPage.contains("Dit is al gedaan"), "\(form.action)")
                #expect(try db.auditHead().size == size, "\(form.action) changed something the second time")
                _ = first
            }
        }
    }

    @Test("admitting a proposal twice, even from two board members, leaves it admitted (it used to turn it into 'refused')")
    func admitTwice() throws {
        let (db, _, _) = try StaffTests.setUp(clock: .fixed(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000)))
        let proposals = try db.proposals(assembly: 1)
        let onAgenda = try #require(proposals.first)
        #expect(throws: StoreError.self) { try db.admitProposal(onAgenda.id) }
        let after = try #require(try db.proposals(assembly: 1).first { $0.id == onAgenda.id })
        #expect(after.state == .onAgenda)
    }
}
