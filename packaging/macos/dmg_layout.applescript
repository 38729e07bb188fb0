-- The disk image's Finder window: Lantern.app beside the Applications link CPack adds, so a user
-- drags one onto the other; lantern-cli's folder below. CPack runs this with the volume's name.
on run argv
	set volumeName to item 1 of argv
	tell application "Finder"
		tell disk volumeName
			open
			set current view of container window to icon view
			set toolbar visible of container window to false
			set statusbar visible of container window to false
			set the bounds of container window to {200, 120, 740, 520}
			set viewOptions to the icon view options of container window
			set arrangement of viewOptions to not arranged
			set icon size of viewOptions to 96
			set position of item "Lantern.app" of container window to {130, 140}
			set position of item "Applications" of container window to {410, 140}
			set position of item "bin" of container window to {130, 300}
			update without registering applications
			delay 2
			close
		end tell
	end tell
end run
