// Benchmarks for Buurtstem, run in a release build by the scripts/bench-* scripts.
// `buurtstem-bench statute [ARTICLES] [RUNS]` parses and validates a generated statute.
import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Monotonic time in seconds.
func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// A valid statute with `articles` articles: the rules a real statute has, then articles of
/// prose, areas of postcodes and decision kinds, so that every stage has work to do.
func generatedStatute(articles: Int) -> String {
    var out = "statuut \"Benchmark\"\n  rechtsvorm vereniging\n  versie 1 geldig vanaf 2026-01-01\n\n"
    out += "artikel 1 \"Regels\"\n  gebied Wijk\n    postcode 1000 t/m 1099\n"
    out += "  lidmaatschap automatisch voor bewoners van Wijk\n  oproeping minstens 14 dagen voor de vergadering\n"
    out += "  quorum 10% van de leden aanwezig\n  volmacht hoogstens 1 per lid\n"
    var postcode = 1100
    for number in 2...max(2, articles) {
        out += "\nartikel \(number) \"Artikel \(number)\"\n"
        out += "  > Dit is de tekst van artikel \(number), zoals bewoners die lezen.\n"
        switch number % 4 {
        case 0:
            out += "  besluit soort\(number)\n    aangenomen bij minstens 2/3 van de uitgebrachte stemmen\n    methode goedkeuring\n"
        case 1:
            out += "  organisatie \"Organisatie \(number)\"\n  beginsel \"Beginsel \(number)\"\n"
        case 2 where postcode < 9999:
            out += "  gebied Deel\(number)\n    postcode \(postcode) AA t/m \(postcode) ZZ\n    niet \(postcode) AB huisnummer 1 t/m 9\n"
            postcode += 1
            out += "  # een toelichting bij het gebied\n"
        default:
            out += "  > Een tweede regel tekst.\n  voorstel mag door \"Partij \(number)\"\n"
        }
    }
    return out
}

/// Seconds as milliseconds with one decimal.
func milliseconds(_ seconds: Double) -> String {
    let tenths = Int((seconds * 10_000).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first else {
    print(
        "usage: buurtstem-bench statute [ARTICLES] [RUNS] | parse REGISTER.csv | register REGISTER.csv STATUTE [DATABASE|:memory:] | audit [ENTRIES] [STATUTE] | budgeting FILE.pb [RUNS] [equalshares/add1|greedy] | ranked [BALLOTS] [CANDIDATES]"
    )
    exit(2)
}
switch command {
case "statute":
    let articles = arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
    let runs = arguments.dropFirst(2).first.flatMap(Int.init) ?? 10
    let text = generatedStatute(articles: articles)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    var times: [Double] = []
    var diagnostics = 0
    for _ in 0..<runs {
        let start = now()
        let result = StatuteCompiler.compile(text, name: "benchmark.statuut")
        times.append(now() - start)
        diagnostics = result.diagnostics.count
        precondition(result.statute != nil, "the generated statute must be valid")
    }
    times.sort()
    let median = times[times.count / 2]
    print("statute: \(articles) articles, \(lines) lines, \(text.utf8.count) bytes, \(diagnostics) diagnostics (unused-area warnings expected)")
    print("parse+validate: best \(milliseconds(times[0])) ms, median \(milliseconds(median)) ms over \(runs) runs (goal: under 200 ms)")
case "parse":
    let bytes = [UInt8](FileManager.default.contents(atPath: arguments.dropFirst().first!)!)
    let start = now()
    let extract = try RegisterParser.parse(bytes, today: CivilDate(iso: "2026-11-01")!)
    print("parse: \(extract.rows.count) rows in \(milliseconds(now() - start)) ms")
case "budgeting":
    // Equal shares with add one (or greedy, by the file's rule) on a Pabulib file, best of RUNS.
    let path = arguments.dropFirst().first!
    let runs = arguments.dropFirst(2).first.flatMap(Int.init) ?? 5
    let forced = arguments.dropFirst(3).first
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard case .budgeting(let profile, let fileRule, let official, _) = try ElectionFile.read(text, fileExtension: "pb") else { exit(2) }
    let rule = forced ?? fileRule
    var times: [Double] = []
    var result: TallyResult?
    for _ in 0..<runs {
        let start = now()
        result = (rule ?? "").hasPrefix("greedy") ? EqualShares.greedy(profile) : EqualShares.tally(profile)
        times.append(now() - start)
    }
    times.sort()
    let matches = forced == nil ? official.map { Set($0) == Set(result!.elected) } : nil
    print(
        "\((path as NSString).lastPathComponent): \(result!.method), \(profile.ballots.count) voters, \(profile.projects.count) projects: best \(milliseconds(times[0])) ms, median \(milliseconds(times[times.count / 2])) ms; \(matches.map { $0 ? "matches the official outcome" : "DIFFERS from the official outcome" } ?? "no official outcome in the file")"
    )
case "ranked":
    // Instant runoff and Schulze over BALLOTS random rankings of CANDIDATES candidates.
    let ballots = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
    let candidates = arguments.dropFirst(2).first.flatMap(Int.init) ?? 10
    var generator = SystemRandomNumberGenerator()
    var profile = RankedProfile(candidates: (1...candidates).map { "c\($0)" })
    // Voters lean towards lower-numbered candidates, so the count takes several rounds.
    for _ in 0..<ballots {
        var order = Array(0..<candidates)
        order.sort { _, _ in Int.random(in: 0..<3, using: &generator) == 0 }
        order.shuffle(using: &generator)
        let length = Int.random(in: 1...candidates, using: &generator)
        profile.add(order: Array(order.prefix(length)))
    }
    var start = now()
    let irv = InstantRunoff.tally(profile)
    print("instant runoff: \(ballots) ballots, \(candidates) candidates, \(irv.rounds.count) rounds: \(milliseconds(now() - start)) ms (goal: under 100 ms)")
    start = now()
    let schulze = Schulze.tally(profile)
    print("schulze: \(ballots) ballots, \(candidates) candidates, winner \(schulze.elected[0]): \(milliseconds(now() - start)) ms (goal: under 100 ms)")
case "audit":
    // Appends N entries (like a year of member changes) to a fresh database, then verifies.
    let count = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
    let statutePath = arguments.dropFirst(2).first ?? "Statutes/wildemanbuurt.statuut"
    let dbPath = NSTemporaryDirectory() + "buurtstem-bench-audit-\(getpid()).sqlite"
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) } }
    let db = try AppDatabase(path: dbPath)
    try db.createAssociation(statuteSource: try String(contentsOfFile: statutePath, encoding: .utf8), fileName: statutePath)
    var start = now()
    var written = 2
    while written < count {
        let chunk = min(100_000, count - written)
        try db.writer.write { conn in
            var audit = try AuditAppender(conn, at: Moment(CivilDate(iso: "2026-11-01")!, seconds: written))
            for i in 0..<chunk {
                try audit.append(actor: .desk("balie"), MemberCheckedIn(assembly: 1, member: ResidentID("R\(written + i)")))
            }
            try audit.finish(conn)
        }
        written += chunk
    }
    print("audit: appended \(written) entries in \(milliseconds(now() - start)) ms")
    start = now()
    let verification = try db.verifyAudit(trusted: try db.auditHead())
    print(
        "audit verify: \(verification.entries) entries in \(milliseconds(now() - start)) ms, \(verification.isIntact ? "intact" : "NOT INTACT") (goal: under 2,000 ms)"
    )
case "register":
    guard arguments.count >= 3 else {
        print("usage: buurtstem-bench register REGISTER.csv STATUTE [DATABASE]")
        exit(2)
    }
    let csvPath = arguments.dropFirst().first!
    let statutePath = arguments.dropFirst(2).first!
    let dbPath = arguments.dropFirst(3).first ?? NSTemporaryDirectory() + "buurtstem-bench-\(getpid()).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
    let statuteText = try String(contentsOfFile: statutePath, encoding: .utf8)
    let extractDate = CivilDate(iso: "2026-11-01")!
    let total = now()
    var start = now()
    let bytes = [UInt8](FileManager.default.contents(atPath: csvPath)!)
    let extract = try RegisterParser.parse(bytes, today: extractDate)
    let parseTime = now() - start
    start = now()
    let db = dbPath == ":memory:" ? try AppDatabase.inMemory() : try AppDatabase(path: dbPath)
    try db.createAssociation(statuteSource: statuteText, fileName: statutePath)
    let summary = try db.importRegister(extract, fileName: csvPath, fileSHA256: Hash.sha256(bytes).description, extractDate: extractDate)
    let importTime = now() - start
    start = now()
    let (members, _) = try db.members(on: extractDate)
    let deriveTime = now() - start
    let elapsed = now() - total
    print(
        "register: \(extract.rowsRead) rows (\(bytes.count / 1_000_000) MB); imported \(summary.imported), rejected \(summary.rejected); audit entries \(summary.head.size)"
    )
    print(
        "parse \(milliseconds(parseTime)) ms, import \(milliseconds(importTime)) ms, derive electorate \(milliseconds(deriveTime)) ms (\(members.count) members)"
    )
    print("import + derive: \(milliseconds(elapsed)) ms = \(Int(Double(extract.rowsRead) / elapsed)) rows/s (goal: under 5,000 ms)")
    start = now()
    let verification = try db.verifyAudit()
    let verifyTime = now() - start
    print(
        "audit verify: \(verification.entries) entries in \(milliseconds(verifyTime)) ms, \(verification.isIntact ? "intact" : "NOT INTACT") (goal: under 2,000 ms)"
    )
    if arguments.count < 4 { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) } }
default:
    print("unknown benchmark \(command)")
    exit(2)
}
