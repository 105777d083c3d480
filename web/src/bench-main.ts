// Entry point of the bench build (vite build --mode bench; vite.config.ts): the app with its
// measurement hooks installed first (bench-hooks.ts installs them when it is evaluated, which
// ES modules do in import order).
import "./bench-hooks.ts";
import "./main.ts";
