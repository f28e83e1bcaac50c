extension Analysis {
    /// Reads a `gebied` block: validates every postcode and range, and reports overlaps.
    mutating func readArea(_ node: RuleNode, _ source: Provenance) {
        let name = node.string("name") ?? ""
        if let first = areaSpans[name] {
            diagnostics.append(
                Diagnostic(
                    .duplicateName, "there are two areas named \(name)", at: node.span(of: "name"),
                    hint: "give each area its own name, or put all its postcodes in one block",
                    notes: [DiagnosticNote("the first", at: first)]))
            return
        }
        areaSpans[name] = node.span(of: "name")
        var entries: [(entry: AreaEntry, span: SourceSpan)] = []
        var exclusions: [(entry: AreaEntry, span: SourceSpan)] = []
        for child in node.childRules {
            guard let entry = areaEntry(child) else { continue }
            if child.form == .exclusion { exclusions.append((entry, child.span)) } else { entries.append((entry, child.span)) }
        }
        reportOverlaps(entries)
        for exclusion in exclusions where !entries.contains(where: { $0.entry.overlaps(exclusion.entry) }) {
            diagnostics.append(
                Diagnostic(
                    .exclusionOutsideArea, "this exclusion removes nothing: no postcode of \(name) falls in it", at: exclusion.span,
                    hint: "check the postcode, or remove the line"))
        }
        areas.append(Area(name: name, entries: entries.map(\.entry), exclusions: exclusions.map(\.entry), source: source))
    }

    private mutating func areaEntry(_ node: RuleNode) -> AreaEntry? {
        guard let from = postcodeBounds(node, "from") else { return nil }
        var lower = from.lower
        var upper = from.upper
        if node.captures["to"] != nil {
            guard let to = postcodeBounds(node, "to") else { return nil }
            if (from.isArea) != (to.isArea) {
                diagnostics.append(
                    Diagnostic(
                        .invalidPostcode, "a range runs from a full postcode to a full postcode, or from four digits to four digits",
                        at: node.span(of: "from").union(node.span(of: "to")),
                        hint: "write e.g. `1067 PA t/m 1067 PZ` or `1067 t/m 1069`"))
                return nil
            }
            upper = to.upper
            if to.lower < from.lower {
                diagnostics.append(
                    Diagnostic(
                        .reversedRange, "this range runs backwards: \(from.lower) comes after \(to.lower)",
                        at: node.span(of: "from").union(node.span(of: "to")), hint: "write the lower postcode first"))
                return nil
            }
            lower = from.lower
        }
        var numbers: HouseNumberRange?
        if let low = node.int("numberFrom") {
            let high = node.int("numberTo") ?? low
            if low < 1 {
                diagnostics.append(Diagnostic(.invalidNumber, "house numbers start at 1", at: node.span(of: "numberFrom")))
                return nil
            }
            if high < low {
                diagnostics.append(
                    Diagnostic(
                        .reversedRange, "this range of house numbers runs backwards: \(low) to \(high)",
                        at: node.span(of: "numberFrom").union(node.span(of: "numberTo")), hint: "write the lower number first"))
                return nil
            }
            let parity = node.string("parity").flatMap(HouseNumberRange.Parity.init(rawValue:))
            numbers = HouseNumberRange(lower: low, upper: high, parity: parity)
        }
        return AreaEntry(lower: lower, upper: upper, houseNumbers: numbers)
    }

    /// A written postcode as the range it covers: a PC6 covers itself, a PC4 `AA` to `ZZ`.
    private mutating func postcodeBounds(_ node: RuleNode, _ name: String) -> (lower: Postcode, upper: Postcode, isArea: Bool)? {
        guard case .postcode(let digits, let letters)? = node.captures[name]?.value else { return nil }
        let span = node.span(of: name)
        let written = letters.map { "\(digits) \($0)" } ?? digits
        do {
            if let letters {
                guard digits.count == 4, let value = Int(digits) else { throw Postcode.Problem.wrongShape }
                let postcode = try Postcode(digits: value, letters: letters)
                return (postcode, postcode, false)
            }
            let value = try Postcode.validateArea(digits)
            let bounds = Postcode.areaBounds(value)
            return (bounds.0, bounds.1, true)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .invalidPostcode, "\(written) is not a Dutch postcode: \(error)", at: span,
                    hint: "Dutch postcodes are four digits (not starting with 0) and two letters, e.g. 1067 PA"))
            return nil
        }
    }

    private mutating func reportOverlaps(_ entries: [(entry: AreaEntry, span: SourceSpan)]) {
        let sorted = entries.sorted { ($0.entry.lower, $0.span) < ($1.entry.lower, $1.span) }
        var reach: (entry: AreaEntry, span: SourceSpan)?
        for current in sorted {
            if let previous = reach, current.entry.overlaps(previous.entry) {
                let later = current.span > previous.span ? current : previous
                let earlier = current.span > previous.span ? previous : current
                diagnostics.append(
                    Diagnostic(
                        .overlappingRanges, "this postcode rule overlaps another rule of the same area", at: later.span,
                        hint: "each address should be covered once; narrow or merge the two lines",
                        notes: [DiagnosticNote("the other rule", at: earlier.span)]))
            }
            if reach == nil || current.entry.upper > reach!.entry.upper { reach = current }
        }
    }
}
