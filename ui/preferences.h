#pragma once
// Lantern's preferences, the values the Preferences dialog edits (kept by Settings), and how
// they apply to the running app.

#include <QString>

class QApplication;

namespace lantern::ui {

struct Preferences {
    enum class Theme { System, Light, Dark };

    Theme theme = Theme::System;
    double reloadSeconds = 1.0;
    double smoothing = 0.6; // the Scalars dashboard's default smoothing weight
    bool restoreLogdirs = true; // reopen the last session's log directories on start
    // Keep every point as written, instead of TensorBoard's rule (a point replaces the earlier
    // points of its series with the same or a later step).
    bool keepOrphanedData = false;

    // Settings().preferences() and setPreferences(*this).
    static Preferences load();
    void save() const;

    static QString themeName(Theme theme);

    bool operator==(const Preferences&) const = default;
};

// Applies the theme: Fusion with a light or dark palette, or the platform's own look.
void applyTheme(Preferences::Theme theme);

} // namespace lantern::ui
