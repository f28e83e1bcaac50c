import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem purge --before DATE [--dry-run]`
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Remove personal data the retention rule no longer keeps; the audit log still verifies.",
        discussion: """
            Removes, from before DATE and only as far as the retention rule allows today: the voting codes
            of closed assemblies (after --codes-days), residents' names kept for the desk (after
            --names-days from the last assembly, never while one is called or open), presence lists, proxies
            and electorates (after --presence-years: their counts stay, for the minutes and the quorum),
            former residents (after --register-years from their move: addresses, birth data, membership
            history, applications — unless a kept record still names them), and
            the resident data in audit entries (after --log-months): such an entry keeps its hash and its
            payload becomes the payload's SHA-256, so `audit verify` and every witnessed head still hold. What is kept and why:
            docs/verwerkingsregister.md. The purge itself is logged (data.purged, listing the entries).

            Examples:
              buurtstem purge --before 2026-12-01 --dry-run
              buurtstem purge --before 2026-12-01
            """)
    @Option(help: "Remove data from before this day (YYYY-MM-DD).") var before: CivilDate
    @Option(help: "Judge the retention rule on this day (default: today; never a later day).") var on: CivilDate?
    @Option(help: "Days voting codes are kept after their assembly.") var codesDays = RetentionRule.standard.codesDays
    @Option(help: "Days names are kept after the last assembly.") var namesDays = RetentionRule.standard.namesDays
    @Option(help: "Months resident data is kept in the audit log.") var logMonths = RetentionRule.standard.logMonths
    @Option(help: "Years presence lists, proxies and electorates are kept (then only their counts).") var presenceYears = RetentionRule.standard.presenceYears
    @Option(help: "Years former residents stay in the register after they moved out.") var registerYears = RetentionRule.standard.registerYears
    @Flag(help: "Only say what would be removed.") var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard codesDays >= 0, namesDays >= 0, logMonths >= 0, presenceYears >= 0, registerYears >= 0 else {
            throw refusal("cliRetentionPeriods")
        }
    }

    func run() throws {
        if let on, on > today() {
            throw refusal("cliPurgeFuture", ["on": "\(on)", "today": "\(today())"])
        }
        let rule = RetentionRule(codesDays: codesDays, namesDays: namesDays, logMonths: logMonths, presenceYears: presenceYears, registerYears: registerYears)
        let report = try refusing { try database.open().purge(before: before, on: on ?? today(), rule: rule, dryRun: dryRun) }
        say(
            dryRun ? "cliWouldPurge" : "cliPurged",
            [
                "codes": String(report.codes), "names": String(report.names), "entries": String(report.logEntries),
                "lists": String(report.presenceLists), "former": String(report.formerResidents),
            ])
        if let kept = report.namesKept { say("cliNamesKept", ["reason": kept]) }
        if !dryRun, report.codes + report.names + report.logEntries > 0 { say("cliPurgeLogged") }
    }
}
