package org.hmcflow.shared.importing;

import java.util.List;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * What an import did: rows created, changed, left unchanged (already as the file says) and refused, with every problem
 * named by line and column. {@code applied} is false when nothing was written because a row was refused (the default
 * policy, {@link ListImport.Policy#ALL_OR_NOTHING}).
 */
public record ImportSummary(String list, int rows, int created, int changed, int unchanged, int refused,
                            boolean applied, List<FieldProblem> problems) {

    public ImportSummary {
        problems = List.copyOf(problems);
    }
}
