/// A problem reading an election file, with the line it is on.
public struct ElectionFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }
    public var description: String { "line \(line): \(message)" }
}

/// An election read from a standard file.
public enum ElectionFile: Sendable {
    /// Ranked ballots (PrefLib `.soi`, `.toi`, `.soc`; `.blt`), with the seats the file states.
    case ranked(RankedProfile, seats: Int?, title: String?)
    /// Participatory budgeting (Pabulib `.pb`), with the file's rule and its official outcome.
    case budgeting(ApprovalProfile, rule: String?, official: [String]?, title: String?)

    /// Reads a file by its extension: `.pb`, `.soi`, `.toi`, `.soc`, `.blt`.
    public static func read(_ text: String, fileExtension: String) throws(ElectionFileError) -> ElectionFile {
        switch fileExtension.lowercased() {
        case "pb": return try Pabulib.read(text)
        case "soi", "toi", "soc", "toc": return try PrefLib.read(text)
        case "blt": return try BLT.read(text)
        default:
            throw ElectionFileError(line: 0, "unknown file type .\(fileExtension): expected .pb, .soi, .toi, .soc or .blt")
        }
    }
}

/// PrefLib ordinal data: `# ALTERNATIVE NAME i: name` headers, then lines `count: a,b,{c,d},e`.
public enum PrefLib {
    public static func read(_ text: String) throws(ElectionFileError) -> ElectionFile {
        var names: [Int: String] = [:]
        var count: Int?
        var title: String?
        var rows: [(weight: Int, levels: [[Int]], line: Int)] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            let line = raw.trimmingCharacters(in: " \r\t")
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let body = line.dropFirst().trimmingCharacters(in: " ")
                if body.hasPrefix("ALTERNATIVE NAME "), let colon = body.firstIndex(of: ":"),
                    let id = Int(body[body.index(body.startIndex, offsetBy: 17)..<colon].trimmingCharacters(in: " "))
                {
                    names[id] = String(body[body.index(after: colon)...]).trimmingCharacters(in: " ")
                } else if body.hasPrefix("NUMBER ALTERNATIVES:") {
                    count = Int(body.dropFirst(20).trimmingCharacters(in: " "))
                } else if body.hasPrefix("TITLE:") {
                    title = body.dropFirst(6).trimmingCharacters(in: " ")
                }
                continue
            }
            guard let colon = line.firstIndex(of: ":"), let weight = Int(line[..<colon].trimmingCharacters(in: " ")), weight >= 0 else {
                throw ElectionFileError(line: number, "expected `count: a,b,c`, found \(line.prefix(40))")
            }
            var levels: [[Int]] = []
            var group: [Int]?
            for token in line[line.index(after: colon)...].split(separator: ",") {
                var t = token.trimmingCharacters(in: " ")
                let opens = t.hasPrefix("{")
                let closes = t.hasSuffix("}")
                t = t.trimmingCharacters(in: "{} ")
                if t.isEmpty { continue }
                guard let id = Int(t) else { throw ElectionFileError(line: number, "`\(t)` is not an alternative number") }
                if opens { group = [] }
                if group != nil { group!.append(id) } else { levels.append([id]) }
                if closes, let g = group {
                    levels.append(g)
                    group = nil
                }
            }
            if let g = group { throw ElectionFileError(line: number, "a tie `{…}` is never closed (\(g.count) alternatives)") }
            rows.append((weight, levels, number))
        }
        let ids = Array(Set(names.keys).union(1...max(count ?? 0, 1))).filter { $0 >= 1 }.sorted()
        let usedIDs = ids.isEmpty ? Array(1...max(1, count ?? 1)) : ids
        var index: [Int: Int] = [:]
        for (i, id) in usedIDs.enumerated() { index[id] = i }
        var profile = RankedProfile(candidates: usedIDs.map(String.init), names: usedIDs.map { names[$0] ?? String($0) })
        for row in rows {
            var mapped: [[Int]] = []
            for level in row.levels {
                var m: [Int] = []
                for id in level {
                    guard let i = index[id] else { throw ElectionFileError(line: row.line, "alternative \(id) is not in the header") }
                    m.append(i)
                }
                mapped.append(m)
            }
            profile.add(mapped, weight: row.weight)
        }
        return .ranked(profile, seats: nil, title: title)
    }
}

/// The BLT format of OpenSTV and the Electoral Reform Society: `candidates seats`, optional
/// withdrawn candidates (negative numbers), ballots `weight c1 c2 … 0` (`=` for equal
/// preferences), a line `0`, then candidate names and a title.
public enum BLT {
    public static func read(_ text: String) throws(ElectionFileError) -> ElectionFile {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " \r\t") }
        var number = 0
        var index = 0
        func next() -> String? {
            while index < lines.count {
                let line = lines[index]
                index += 1
                number = index
                if !line.isEmpty { return line }
            }
            return nil
        }
        guard let header = next() else { throw ElectionFileError(line: 1, "the file is empty") }
        let counts = header.split(separator: " ").compactMap { Int($0) }
        guard counts.count == 2, counts[0] > 0, counts[1] > 0 else {
            throw ElectionFileError(line: number, "expected `candidates seats`, found \(header.prefix(40))")
        }
        let candidateCount = counts[0]
        var withdrawn: Set<Int> = []
        var ballots: [(Int, [[Int]])] = []
        var ended = false
        while let line = next() {
            let fields = line.split(separator: " ")
            if fields.first?.hasPrefix("-") == true {
                for f in fields { if let n = Int(f), n < 0 { withdrawn.insert(-n - 1) } }
                continue
            }
            if line == "0" {
                ended = true
                break
            }
            guard let weight = Int(fields[0]), weight >= 0 else {
                throw ElectionFileError(line: number, "expected a ballot `weight c1 c2 … 0`, found \(line.prefix(40))")
            }
            var levels: [[Int]] = []
            var closed = false
            for field in fields.dropFirst() {
                if field == "0" {
                    closed = true
                    break
                }
                var level: [Int] = []
                for part in field.split(separator: "=") {
                    guard let c = Int(part), c >= 1, c <= candidateCount else {
                        throw ElectionFileError(line: number, "`\(part)` is not a candidate number from 1 to \(candidateCount)")
                    }
                    if !withdrawn.contains(c - 1) { level.append(c - 1) }
                }
                if !level.isEmpty { levels.append(level) }
            }
            guard closed else { throw ElectionFileError(line: number, "a ballot must end with 0") }
            ballots.append((weight, levels))
        }
        guard ended else { throw ElectionFileError(line: number, "the ballots must end with a line `0`") }
        var names: [String] = []
        var title: String?
        while let line = next() {
            if line.hasPrefix("# ALTERNATIVE NAME "), let colon = line.firstIndex(of: ":") {
                names.append(String(line[line.index(after: colon)...]).trimmingCharacters(in: " "))
            } else if line.hasPrefix("#") {
                continue
            } else if names.count < candidateCount {
                names.append(line.trimmingCharacters(in: "\""))
            } else {
                title = line.trimmingCharacters(in: "\"")
            }
        }
        var profile = RankedProfile(
            candidates: (1...candidateCount).map(String.init),
            names: names.count == candidateCount ? names : (1...candidateCount).map(String.init))
        for (weight, levels) in ballots { profile.add(levels, weight: weight) }
        return .ranked(profile, seats: counts[1], title: title)
    }
}

/// Pabulib participatory budgeting files: `META`, `PROJECTS`, `VOTES` sections, `;`-separated.
public enum Pabulib {
    public static func read(_ text: String) throws(ElectionFileError) -> ElectionFile {
        var section = ""
        var header: [String] = []
        var meta: [String: String] = [:]
        var projects: [ApprovalProfile.Project] = []
        var projectIndex: [String: Int] = [:]
        var official: [String] = []
        var hasSelected = false
        var ballots: [[Int]] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            let line = raw.trimmingCharacters(in: "\r")
            if line.trimmingCharacters(in: " ").isEmpty { continue }
            let upper = line.trimmingCharacters(in: " ").uppercased()
            if ["META", "PROJECTS", "VOTES"].contains(upper) {
                section = upper
                header = []
                continue
            }
            let fields = splitFields(line)
            if header.isEmpty {
                header = fields.map { $0.lowercased() }
                continue
            }
            func field(_ name: String) -> String? {
                guard let i = header.firstIndex(of: name), i < fields.count else { return nil }
                return fields[i]
            }
            switch section {
            case "META":
                if fields.count >= 2 { meta[fields[0].lowercased()] = fields[1] }
            case "PROJECTS":
                guard let id = field("project_id"), let costText = field("cost"), let cost = wholeNumber(costText) else {
                    throw ElectionFileError(line: number, "a project needs project_id and a whole-number cost")
                }
                projectIndex[id] = projects.count
                projects.append(.init(id: id, name: field("name") ?? id, cost: cost))
                if let selected = field("selected") {
                    hasSelected = true
                    if selected == "1" || selected == "2" { official.append(id) }
                }
            case "VOTES":
                guard let vote = field("vote") else { throw ElectionFileError(line: number, "a vote line needs a vote column") }
                var ballot: [Int] = []
                for id in vote.split(separator: ",").map({ $0.trimmingCharacters(in: " ") }) where !id.isEmpty {
                    guard let p = projectIndex[id] else { throw ElectionFileError(line: number, "the vote names project \(id), which is not listed") }
                    if !ballot.contains(p) { ballot.append(p) }
                }
                ballots.append(ballot)
            default:
                throw ElectionFileError(line: number, "data before a META, PROJECTS or VOTES section")
            }
        }
        guard let budgetText = meta["budget"], let budget = wholeNumber(budgetText) else {
            throw ElectionFileError(line: 1, "META has no budget")
        }
        guard !projects.isEmpty else { throw ElectionFileError(line: number, "there are no projects") }
        let profile = ApprovalProfile(projects: projects, budget: budget, ballots: ballots)
        return .budgeting(profile, rule: meta["rule"], official: hasSelected ? official : nil, title: meta["description"])
    }

    /// `1070000`, `1070000.00`, `1070000,0` → 1070000.
    static func wholeNumber(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: " ")
        if let n = Int(t) { return n }
        let parts = t.split(whereSeparator: { $0 == "." || $0 == "," })
        guard parts.count == 2, let whole = Int(parts[0]), parts[1].allSatisfy({ $0 == "0" }) else { return nil }
        return whole
    }

    /// Splits a `;` line with CSV quoting.
    static func splitFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" {
                            current.append("\"")
                        } else {
                            quoted = false
                            pending = n
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" && current.isEmpty {
                quoted = true
            } else if c == ";" {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}

extension StringProtocol {
    /// Trims the given characters from both ends (no Foundation needed).
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
