// Peers for the sweep workload: the 1000 × 1000 what-if grid as compiled Swift loops (the harness
// builds this file with `swiftc -O`).
//   sweep            Foundation's Decimal (38 significant digits), hoisted as in sweep.py: the same
//                    divisions and comparisons, as a Swift programmer would write them.
//   sweep integers   exact integers with the division cross-multiplied away: the floor for any
//                    interpreter (a different algorithm; Suan and sweep.py divide).
import Foundation

var count = 0
if CommandLine.arguments.dropFirst().first == "integers" {
    // Amounts in millionths of 万元: 2433.84万元 × (1 − i/10000) = 243384 × (10000 − i) millionths.
    for i in 0..<1000 {
        let base = 243_384 * (10_000 - i)
        for j in 0..<1000 {
            let q = 118_856 * (10_000 + j)
            if q * 100 >= 35 * (base + q) { count += 1 }
        }
    }
} else {
    let b = Decimal(string: "2433.84")!, p = Decimal(string: "1188.56")!, t = Decimal(string: "0.35")!
    let step = Decimal(string: "0.0001")!
    for i in 0..<1000 {
        let base = b * (1 - step * Decimal(i))
        for j in 0..<1000 {
            let q = p * (1 + step * Decimal(j))
            if q / (base + q) >= t { count += 1 }
        }
    }
}
print(count)
