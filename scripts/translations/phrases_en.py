"""English plural forms for translations/timonel_en.ts, used by scripts/translate-en.py.

PHRASES maps each plural (numerus, tr() with %n) source text to its (singular, plural) forms.
Only plural messages are translated in English; the others show their source text.
"""

PHRASES = {
    "Delete the %n selected objects": ("Delete the %n selected object", "Delete the %n selected objects"),
    "Delete %n object(s)": ("Delete %n object", "Delete %n objects"),
    "Delete these %n object(s)?": ("Delete this object?", "Delete these %n objects?"),
    "%n change(s)": ("%n change", "%n changes"),
    "%n backend(s): serviceName and servicePort became service.name and service.port.number or .name": (
        "%n backend: serviceName and servicePort became service.name and service.port.number or .name",
        "%n backends: serviceName and servicePort became service.name and service.port.number or .name"),
    "pathType: ImplementationSpecific added to %n path(s), as networking.k8s.io/v1 requires one (Prefix or Exact is usually what you mean)": (
        "pathType: ImplementationSpecific added to %n path, as networking.k8s.io/v1 requires one "
        "(Prefix or Exact is usually what you mean)",
        "pathType: ImplementationSpecific added to %n paths, as networking.k8s.io/v1 requires one "
        "(Prefix or Exact is usually what you mean)"),
    "%n metric(s) rewritten in the autoscaling/v2 form (metric and target)": (
        "%n metric rewritten in the autoscaling/v2 form (metric and target)",
        "%n metrics rewritten in the autoscaling/v2 form (metric and target)"),
    "Counting… %n match(es)": ("Counting… %n match", "Counting… %n matches"),
    "%n match(es)": ("%n match", "%n matches"),
    "Paused — %n new line(s) waiting": ("Paused — %n new line waiting", "Paused — %n new lines waiting"),
    "%n line(s)": ("%n line", "%n lines"),
    "%n namespaces": ("%n namespace", "%n namespaces"),
    "%n variable(s)": ("%n variable", "%n variables"),
    "%n item(s)": ("%n item", "%n items"),
    "%n field(s)": ("%n field", "%n fields"),
    "%n byte(s)": ("%n byte", "%n bytes"),
    "… %n more": ("… %n more", "… %n more"),
    "<hidden: %n byte(s)>": ("<hidden: %n byte>", "<hidden: %n bytes>"),
    "Converted %n document(s); undo with Ctrl+Z. What changed:": (
        "Converted %n document; undo with Ctrl+Z. What changed:",
        "Converted %n documents; undo with Ctrl+Z. What changed:"),
    # Rollouts, canary and blue-green
    "%n pod(s) at the new revision cannot start: %1": (
        "%n pod at the new revision cannot start: %1", "%n pods at the new revision cannot start: %1"),
    "%n pod(s) at the new revision have not become ready for %1 s or more (failing readiness probes?)": (
        "%n pod at the new revision has not become ready for %1 s or more (failing readiness probe?)",
        "%n pods at the new revision have not become ready for %1 s or more (failing readiness probes?)"),
    "%n pod(s) of the new ReplicaSet cannot start: %1": (
        "%n pod of the new ReplicaSet cannot start: %1", "%n pods of the new ReplicaSet cannot start: %1"),
    "%n pod(s) of the new ReplicaSet have not become ready for %1 s or more (failing readiness probes?)": (
        "%n pod of the new ReplicaSet has not become ready for %1 s or more (failing readiness probe?)",
        "%n pods of the new ReplicaSet have not become ready for %1 s or more (failing readiness probes?)"),
    "Waiting for rollout to finish: %n old replica(s) are pending termination…": (
        "Waiting for rollout to finish: %n old replica is pending termination…",
        "Waiting for rollout to finish: %n old replicas are pending termination…"),
    "Label the pods of Deployment %1 %2=%3 and keep %n replica(s)": (
        "Label the pods of Deployment %1 %2=%3 and keep %n replica",
        "Label the pods of Deployment %1 %2=%3 and keep %n replicas"),
    "Create Deployment %1 with %n replica(s) of %2": (
        "Create Deployment %1 with %n replica of %2", "Create Deployment %1 with %n replicas of %2"),
    "Deployment %1 runs %2 with all %n replica(s)": (
        "Deployment %1 runs %2 with its %n replica", "Deployment %1 runs %2 with all %n replicas"),
    "Deployment %1 back to %n replica(s)": ("Deployment %1 back to %n replica", "Deployment %1 back to %n replicas"),
    "Waiting for Service %1 to send traffic to %n ready pod(s)": (
        "Waiting for Service %1 to send traffic to %n ready pod",
        "Waiting for Service %1 to send traffic to %n ready pods"),
    "%Ln items": ("%Ln item", "%Ln items"),
    "%1 of %Ln items": ("%1 of %Ln item", "%1 of %Ln items"),
}
