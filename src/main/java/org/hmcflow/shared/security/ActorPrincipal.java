package org.hmcflow.shared.security;

import org.hmcflow.user.Actor;

/** A security principal that knows its {@link Actor}; every login mechanism's principal implements it. */
public interface ActorPrincipal {

    Actor actor();
}
