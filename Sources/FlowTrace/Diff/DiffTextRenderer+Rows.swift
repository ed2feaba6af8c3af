extension DiffTextRenderer {
    /// The rows to show: every row, or with ``context`` only the divergent rows and that many
    /// matching rows around each; a gap is the count of rows left out before a shown row.
    func visibleRows(_ diff: FlowDiff) -> [(gap: Int, index: Int)] {
        var keep = [Bool](repeating: context == nil, count: diff.pairs.count)
        if let context {
            // More context than rows shows them all (and `index + context` cannot overflow).
            let reach = min(context, diff.pairs.count)
            for (index, pair) in diff.pairs.enumerated() where pair.diverges {
                for near in max(0, index - reach)...min(diff.pairs.count - 1, index + reach) { keep[near] = true }
            }
        }
        var rows: [(Int, Int)] = []
        var gap = 0
        for index in diff.pairs.indices {
            if keep[index] { rows.append((gap, index)); gap = 0 } else { gap += 1 }
        }
        if gap > 0 { rows.append((gap, -1)) }
        return rows
    }

    func sideBySideRows(_ diff: FlowDiff) -> String {
        let column = max(16, (width - 19) / 2)
        var text = "  " + TerminalWidth.fit("  line", 7) + TerminalWidth.fit(safe(diff.left.label), column)
            + " │ " + TerminalWidth.fit("  line", 7)
            + TerminalWidth.fit(safe(diff.right.label), column).trimmingTrailingSpaces() + "\n"
        for (gap, index) in visibleRows(diff) {
            if gap > 0 { text += palette.dim("  ⋯ \(gap) matching step\(gap == 1 ? "" : "s")") + "\n" }
            guard index >= 0 else { continue }
            let pair = diff.pairs[index]
            let left = diff.leftStep(pair), right = diff.rightStep(pair)
            let leftText = TerminalWidth.fit(left.map { safe($0.message) } ?? "", column)
            var rightText = right.map { safe($0.message) } ?? ""
            if let timing = pair.timing { rightText = timingNote(timing) + " " + rightText }
            rightText = TerminalWidth.fit(rightText, column).trimmingTrailingSpaces()
            let line = marker(pair) + " " + number(left?.line, 6) + " " + paint(pair, leftText) + " │ "
                + number(right?.line, 6) + " " + paint(pair, rightText)
            text += line.trimmingTrailingSpaces() + "\n"
        }
        return text
    }

    func unifiedRows(_ diff: FlowDiff) -> String {
        let column = max(16, width - 14)
        var text = ""
        for (gap, index) in visibleRows(diff) {
            if gap > 0 { text += palette.dim("  ⋯ \(gap) matching step\(gap == 1 ? "" : "s")") + "\n" }
            guard index >= 0 else { continue }
            let pair = diff.pairs[index]
            let left = diff.leftStep(pair), right = diff.rightStep(pair)
            let numbers = marker(pair) + " " + number(left?.line, 5) + " " + number(right?.line, 5) + "  "
            let first = pair.kind == .extra ? right : left
            var message = safe(first?.message ?? "")
            if let timing = pair.timing { message = timingNote(timing) + " " + message }
            text += numbers + paint(pair, TerminalWidth.fit(message, column).trimmingTrailingSpaces()) + "\n"
            if pair.kind == .changed, let right {
                text += String(repeating: " ", count: 12) + "→ "
                    + paint(pair, TerminalWidth.fit(safe(right.message), column).trimmingTrailingSpaces()) + "\n"
            }
        }
        return text
    }

    private func marker(_ pair: AlignedPair) -> String {
        switch pair.kind {
        case .same: pair.timing != nil ? palette.yellow("!") : pair.minor.isEmpty ? " " : palette.dim("≈")
        case .changed: palette.yellow("~")
        case .missing: palette.red("-")
        case .extra: palette.green("+")
        }
    }

    private func paint(_ pair: AlignedPair, _ text: String) -> String {
        switch pair.kind {
        case .same: text
        case .changed: palette.yellow(text)
        case .missing: palette.red(text)
        case .extra: palette.green(text)
        }
    }

    private func number(_ line: Int?, _ width: Int) -> String {
        let text = line.map(String.init) ?? ""
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func timingNote(_ timing: TimingDivergence) -> String {
        "[⏱ " + DiffTextRenderer.duration(timing.leftGap) + " → " + DiffTextRenderer.duration(timing.rightGap) + "]"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var scalars = unicodeScalars[...]
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
