// A Java vendor job: tier and allocate a case file through probation-core's static facade. Every rule runs in
// the Rust core; this file only reads arguments and prints. Usage: VendorApp [CASE_FILE] [YYYY-MM-DD]
package example;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import probation.core.AllocationPolicy;
import probation.core.Calendar;
import probation.core.DecodedLine;
import probation.core.Engine;
import probation.core.Probation;
import probation.core.ProbationException;
import probation.core.types.Allocation;
import probation.core.types.ApiException;
import probation.core.types.Case;

public final class VendorApp {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../data/caseload.jsonl");
        LocalDate on = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.of(2019, 6, 1);

        // The fast path: one engine, the whole file in one call, one JSON line out per case.
        byte[] input = Files.readAllBytes(file);
        try (Engine engine = Probation.engine()) {
            String out = new String(Probation.allocateJsonLines(engine, input, on), StandardCharsets.UTF_8);
            long lines = out.lines().count();
            long errors = out.lines().filter(l -> l.contains("\"error\"")).count();
            System.out.printf("allocateJsonLines: %d line(s), %d error line(s)%n", lines, errors);
        }

        // Records: decode each line, then typed calls.
        List<DecodedLine> decoded = Probation.readCaseFile(file);
        TreeMap<String, Integer> byTier = new TreeMap<>();
        int shown = 0;
        try (Calendar calendar = Probation.calendar();
             AllocationPolicy policy = Probation.allocationPolicy("default")) {
            for (DecodedLine line : decoded) {
                Case c = line.getCase();
                if (c == null || !Probation.validate(c).isEmpty()) continue;
                String tier = Probation.tier(c, on).getTier();
                byTier.merge(tier, 1, Integer::sum);
                if (shown++ < 3) {
                    Allocation a = Probation.allocate(c, on, policy, calendar);
                    System.out.printf("%s  tier %s  provider %s  allocate by %s%n",
                        c.getPerson().getCrn(), tier, a.getProvider(), a.getDeadline());
                }
            }
        }
        System.out.println("cases by tier: " + byTier);

        // Errors are unchecked ProbationExceptions carrying the typed error (field path, never a value).
        try {
            Probation.decodeCase("{\"person\": 1}");
        } catch (ProbationException e) {
            ApiException.Decode d = (ApiException.Decode) e.getError();
            System.out.println("a bad case is refused: " + d.getCode() + " at `" + d.getPath() + "`");
        }
    }
}
