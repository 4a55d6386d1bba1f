// Builds the precompiled header the GUI tests share (tests/gui/CMakeLists.txt).
