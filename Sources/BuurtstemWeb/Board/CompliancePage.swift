import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
public import Hummingbird
import Statuut

/// The board's compliance page: the full report (audit log verified), and the two records the
/// board makes by hand — annual accounts presented, an affiliated organisation's confirmation.
struct CompliancePage: Sendable {
    let database: AppDatabase
    let clock: WallClock

    /// Routes under `/bestuur`, behind the board's gate.
    func register(on board: RouterGroup<StaffContext>) {
        board.get("naleving") { request, context in
            let english = request.uri.queryParameters["lang"] == "en"
            return try await self.page(try context.session, language: english ? .en : .nl)
        }
        board.post("naleving/jaarrekening") { request, context in try await self.record(request, context, accounts: true) }
        board.post("naleving/organisatie") { request, context in try await self.record(request, context, accounts: false) }
    }

    /// The page, built on the reports lane (it reads the whole year and checks the audit log: the
    /// entries since the last full check in this process, see `verifyAuditSinceLastCheck`).
    func page(
        _ session: StaffSession, language: Language = .nl, message: (nl: String, en: String)? = nil, ok: Bool = false, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await Lane.reports.run { try self.render(session, language: language, message: message, ok: ok, status: status) }
    }

    private func render(
        _ session: StaffSession, language: Language, message: (nl: String, en: String)?, ok: Bool, status: HTTPResponse.Status
    ) throws -> Response {
        let today = clock.today()
        let report = Compliance.check(try database.complianceFacts(auditSinceLastCheck: true), on: today)
        let (statute, _) = try database.statute(on: today)
        let organisations = statute.organisations.map(\.value)
        let view = CompliancePageView(
            // The report is a document of its own (BuurtstemDocuments), rendered by its template.
            report: report.htmlBody(in: language), otherLanguage: language == .nl ? "en" : "nl",
            otherLanguageName: language == .nl ? "English" : "Nederlands", lastYear: today.year - 1, today: today.description,
            organisations: organisations, hasOrganisations: !organisations.isEmpty,
            recordForYear: Catalogue.both("recordForYear", ["year": String(today.year)]))
        return PageTemplates.staffPage("compliance-page", title: "complianceTitle", session: session, view: view, flash: message, ok: ok, status: status)
    }

    func record(_ request: Request, _ staff: StaffContext, accounts: Bool) async throws -> Response {
        let (session, form) = (try staff.session, try staff.form(RecordForm.self))
        do {
            if accounts {
                guard let year = form.year.filled.flatMap({ Int($0) }), let on = form.on.filled.flatMap(CivilDate.init(iso:)) else {
                    throw Problem(key: "enterYearAndDate")
                }
                let database = self.database
                try await Lane.pages.run { try database.presentAccounts(year: year, on: on, actor: session.account.actor) }
                return try await page(session, message: Catalogue.pair("accountsRecorded", ["year": String(year)]), ok: true)
            }
            guard let organisation = form.organisation.filled, let text = form.text.filled else {
                throw Problem(key: "chooseOrganisation")
            }
            let today = clock.today()
            let database = self.database
            try await Lane.pages.run {
                try database.confirmPrinciples(organisation: organisation, year: today.year, on: today, text: text, actor: session.account.actor)
            }
            return try await page(session, message: Catalogue.pair("confirmationRecorded", ["organisation": organisation]), ok: true)
        } catch let problem as Problem {
            return try await page(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try await page(session, message: explain(error), status: Explained(error).status)
        }
    }
}

/// What the compliance page records: the year's accounts presented (`year`, `on`) or an
/// organisation's confirmation of the principles (`organisation`, `text`).
struct RecordForm: Decodable {
    var year: String?
    var on: String?
    var organisation: String?
    var text: String?
}

/// The compliance page: the report (markup the document made), the other language, and the forms
/// for last year's accounts and the organisations' confirmations.
struct CompliancePageView {
    var report: String
    var otherLanguage: String
    var otherLanguageName: String
    var lastYear: Int
    var today: String
    var organisations: [String]
    var hasOrganisations: Bool
    var recordForYear: BothLanguages
}
