/**
 * The knowledge base's front door for questions: {@link dev.pcibot.kb.Answerer} joins the search
 * ({@code search}) with what quoted messages mean ({@code diagnose}).
 */
@NullMarked
package dev.pcibot.kb;

import org.jspecify.annotations.NullMarked;
