package org.hmcflow.inspection;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.hmcflow.permit.application.ManagementCategory;

/**
 * 抽取快照 — everything a draw reads, frozen: the plan's facts, the draw settings in force, the enterprises in scope
 * and the inspectors who could go, with who may not go where. Stored with the draw as canonical JSON (properties in
 * alphabetical order, no blanks, rows sorted by id), so its SHA-256 names exactly the input of the draw, and a re-run
 * needs nothing but this text and the seed.
 *
 * @param format      version of this layout (1)
 * @param plan        the plan being drawn
 * @param settings    the draw settings at the time of the draw
 * @param enterprises the supervision register rows in the plan's scope, by id
 * @param inspectors  the active inspectors who may work in the plan's county, by id
 */
public record DrawSnapshot(int format, Plan plan, Settings settings, List<EnterpriseRow> enterprises,
                           List<InspectorRow> inspectors) {

    public static final int FORMAT = 1;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public DrawSnapshot {
        enterprises = enterprises.stream().sorted(Comparator.comparingLong(EnterpriseRow::id)).toList();
        inspectors = inspectors.stream().sorted(Comparator.comparingLong(InspectorRow::id)).toList();
    }

    /** The plan's facts the draw depends on. {@code county} is null for a city-wide campaign. */
    public record Plan(long id, PlanType type, int year, String county) {
    }

    /**
     * The settings of {@code hmc.inspection.draw} at the time of the draw.
     *
     * @param recentInspectionDays how far back an inspection of the same enterprise excludes an inspector; the
     *                             exclusions themselves are already in {@link InspectorRow#recentlyInspected()}
     */
    public record Settings(BigDecimal baseRate, BigDecimal keyDischargerRate, BigDecimal poorCreditRate,
                           int inspectorsPerInspection, int recentInspectionDays) {

        BigDecimal rateOf(Stratum stratum) {
            return switch (stratum) {
                case BASE -> baseRate;
                case KEY_DISCHARGER -> keyDischargerRate;
                case POOR_CREDIT -> poorCreditRate;
            };
        }
    }

    /**
     * One enterprise of the supervision register in the plan's scope.
     *
     * @param inspectedThisYear drawn by an earlier periodic plan of the same year: its yearly obligation is met
     */
    public record EnterpriseRow(long id, String county, ManagementCategory permitCategory, boolean keyMonitored,
                                boolean keyRiskSource, CreditColour creditColour, boolean inspectedThisYear) {
    }

    /**
     * One active inspector who may work in the plan's county ({@code county} null: city level, anywhere).
     *
     * @param declaredConflicts enterprises (in scope) with a declared conflict of interest
     * @param recentlyInspected enterprises (in scope) this inspector was sent to within the recent-inspection window
     */
    public record InspectorRow(long id, String county, List<Long> declaredConflicts, List<Long> recentlyInspected) {

        public InspectorRow {
            declaredConflicts = declaredConflicts.stream().distinct().sorted().toList();
            recentlyInspected = recentlyInspected.stream().distinct().sorted().toList();
        }

        /** Whether this inspector may be sent to this enterprise. */
        boolean mayInspect(EnterpriseRow e) {
            return (county == null || county.equals(e.county())) && !declaredConflicts.contains(e.id())
                    && !recentlyInspected.contains(e.id());
        }
    }

    /** The canonical text and its hashes, as stored with the draw. */
    public record Encoded(String json, String sha256, String enterpriseRegisterSha256, String inspectorRegisterSha256) {
    }

    public Encoded encode() {
        try {
            String json = CANONICAL.writeValueAsString(this);
            return new Encoded(json, sha256(json), sha256(CANONICAL.writeValueAsString(enterprises)),
                    sha256(CANONICAL.writeValueAsString(inspectors)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a stored snapshot back; throws {@link IllegalArgumentException} if it is not one. */
    public static DrawSnapshot decode(String json) {
        try {
            DrawSnapshot snapshot = CANONICAL.readValue(json, DrawSnapshot.class);
            if (snapshot.format() != FORMAT) {
                throw new IllegalArgumentException("unknown snapshot format " + snapshot.format());
            }
            return snapshot;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a draw snapshot", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
