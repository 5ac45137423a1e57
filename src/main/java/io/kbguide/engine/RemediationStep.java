package io.kbguide.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A remediation step as advised for one server: the kb's step and the reasons it applies here. */
public record RemediationStep(Step step, List<Explanation> reasons) {

    public RemediationStep {
        reasons = List.copyOf(reasons);
    }

    public String id() {
        return step.id();
    }

    /** The step's own detail followed by the reasons it applies here. */
    public String detail() {
        StringBuilder text = new StringBuilder(step.detail());
        for (Explanation reason : reasons) {
            text.append(' ').append(reason.text());
        }
        return text.toString();
    }

    /** {@link Source#ARTICLE} only when the step and every reason come from the article. */
    public Source source() {
        boolean article = step.source().source() == Source.ARTICLE
                && reasons.stream().allMatch(r -> r.source() == Source.ARTICLE);
        return article ? Source.ARTICLE : Source.INFERENCE;
    }

    public List<Citation> citations() {
        LinkedHashSet<Citation> all = new LinkedHashSet<>(step.source().citations());
        reasons.forEach(r -> all.addAll(r.citations()));
        return new ArrayList<>(all);
    }
}
