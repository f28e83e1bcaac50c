/// House numbers a postcode rule covers: a range, optionally only even or odd numbers.
public struct HouseNumberRange: Sendable, Hashable {
    public enum Parity: String, Sendable, Hashable { case even, odd }
    public var lower: Int
    public var upper: Int
    public var parity: Parity?

    public func contains(_ number: Int) -> Bool {
        guard (lower...upper).contains(number) else { return false }
        switch parity {
        case .even?: return number % 2 == 0
        case .odd?: return number % 2 != 0
        case nil: return true
        }
    }

    func overlaps(_ other: HouseNumberRange) -> Bool {
        lower <= other.upper && other.lower <= upper
    }
}

/// One line of an area: a postcode, a range of postcodes (PC6 or PC4), optionally limited to
/// house numbers.
public struct AreaEntry: Sendable, Hashable {
    public var lower: Postcode
    public var upper: Postcode
    public var houseNumbers: HouseNumberRange?

    /// Whether an address lies in this entry.
    public func contains(_ postcode: Postcode, houseNumber: Int?) -> Bool {
        guard lower <= postcode, postcode <= upper else { return false }
        guard let houseNumbers else { return true }
        guard let houseNumber else { return false }
        return houseNumbers.contains(houseNumber)
    }

    func overlaps(_ other: AreaEntry) -> Bool {
        guard lower <= other.upper, other.lower <= upper else { return false }
        guard let a = houseNumbers, let b = other.houseNumbers else { return true }
        return a.overlaps(b)
    }

    /// `1067 PA t/m 1067 PZ`, `1067` (a whole PC4), `1067 RX huisnummer 2 t/m 20 (even)`.
    public func described(in language: Language) -> String {
        let through = language == .nl ? "t/m" : "through"
        var text: String
        let wholeAreas = lower.letters == "AA" && upper.letters == "ZZ"
        if wholeAreas {
            text = lower.digits == upper.digits ? "\(lower.digits)" : "\(lower.digits) \(through) \(upper.digits)"
        } else {
            text = lower == upper ? "\(lower)" : "\(lower) \(through) \(upper)"
        }
        if let h = houseNumbers {
            text += language == .nl ? " huisnummer " : " house number "
            text += h.lower == h.upper ? "\(h.lower)" : "\(h.lower) \(through) \(h.upper)"
            switch (h.parity, language) {
            case (.even?, .nl): text += " (even)"
            case (.odd?, .nl): text += " (oneven)"
            case (.even?, .en): text += " (even)"
            case (.odd?, .en): text += " (odd)"
            case (nil, _): break
            }
        }
        return text
    }
}

/// A named area of the neighbourhood: the postcodes it includes, minus its exclusions.
public struct Area: Sendable, Hashable {
    public var name: String
    public var entries: [AreaEntry]
    public var exclusions: [AreaEntry]
    public var source: Provenance

    /// Whether an address lies in the area.
    public func contains(_ postcode: Postcode, houseNumber: Int?) -> Bool {
        entries.contains { $0.contains(postcode, houseNumber: houseNumber) }
            && !exclusions.contains { $0.contains(postcode, houseNumber: houseNumber) }
    }

    /// The lowest and highest postcode the area can contain (nil for an empty area): every
    /// address in the area lies between them, so a store can narrow its search to this range.
    public var bounds: (lower: Postcode, upper: Postcode)? {
        guard let lower = entries.map(\.lower).min(), let upper = entries.map(\.upper).max() else { return nil }
        return (lower, upper)
    }
}
