// A small vendor case-management job on the JVM: read a case file (JSON Lines), allocate each case, tier it,
// work out its contact schedule, and print the next contacts due. Every rule runs in probation-core (Rust)
// through the Kotlin binding; this file only reads arguments and prints.
//
// Usage: VendorApp [CASE_FILE] [--on YYYY-MM-DD] [--policy ns2007|tr2014|ps2021] [--show N]

import probation.core.*
import probation.core.types.*
import java.nio.file.Path
import java.time.LocalDate
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    var file = Path.of("../data/caseload.jsonl")
    var on = LocalDate.of(2019, 6, 1)
    var policyName = "tr2014"
    var show = 5
    val it = args.iterator()
    while (it.hasNext()) {
        when (val a = it.next()) {
            "--on" -> on = LocalDate.parse(it.next())
            "--policy" -> policyName = it.next()
            "--show" -> show = it.next().toInt()
            else -> file = Path.of(a)
        }
    }

    val lines = readCaseFile(file)
    var allocated = 0
    var failed = 0
    val byProvider = sortedMapOf<String, Int>()

    Calendar.englandAndWales().use { calendar ->
        AllocationPolicy.preset("default").use { allocationPolicy ->
            ContactPolicy.preset(policyName).use { contactPolicy ->
                for (line in lines) {
                    val case = line.case
                    if (case == null) {
                        // The error names the field, never a value from the file.
                        println("line ${line.line}: cannot read case: ${line.error?.code} at `${line.error?.path}`")
                        failed++
                        continue
                    }
                    val issues = validate(case)
                    if (issues.isNotEmpty()) {
                        println("line ${line.line}: invalid case: " + issues.joinToString { "${it.path} (${it.rule})" })
                        failed++
                        continue
                    }
                    try {
                        val allocation = allocate(case, on, allocationPolicy, calendar)
                        val tier = tier(case, on)
                        val schedule = schedule(case, contactPolicy, calendar)
                        allocated++
                        byProvider.merge(allocation.effectiveProvider, 1, Int::plus)
                        if (allocated <= show) {
                            println("${case.person.crn}  provider ${allocation.provider}  tier ${tier.tier}" +
                                (allocation.deadline?.let { "  allocate by $it" } ?: ""))
                            println("    because: " + allocation.rules.joinToString(", ") { it.id })
                            val next = schedule.items.filter { !it.dueBy.isBefore(on) }.sortedBy { it.dueBy }.take(3)
                            if (next.isEmpty()) println("    no contacts due on or after $on")
                            next.forEach { item ->
                                println("    ${item.kind.name.lowercase()}: ${item.contacts} contact(s) " +
                                    "between ${item.earliest} and ${item.dueBy}  [${item.rule.id}]")
                            }
                        }
                    } catch (e: ApiException) {
                        println("line ${line.line}: ${e.javaClass.simpleName}: ${e.message}")
                        failed++
                    }
                }
            }
        }
    }
    println()
    println("$allocated case(s) allocated on $on, $failed failed; by provider: $byProvider")

    // The whole file at once: one engine, one call, JSON Lines out (the `probation tier` command's lines).
    Engine.defaults().use { engine ->
        val out = String(engine.tierJsonLines(java.nio.file.Files.readAllBytes(file), on), Charsets.UTF_8)
        val results = out.lines().filter { it.isNotEmpty() }
        println("tierJsonLines: ${results.size} line(s), ${results.count { it.contains("\"error\"") }} error line(s)")
    }
    if (failed > 0 && allocated == 0) exitProcess(1)
}
