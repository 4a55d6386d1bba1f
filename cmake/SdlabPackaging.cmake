# Installation into the standard places and a Debian package (issue 8):
#   cmake --install build --prefix /usr/local
#   (cd build && cpack -G DEB)      -> build/sigma-delta-lab_<version>_<arch>.deb
# The package's dependencies are found by dpkg-shlibdeps from the installed binaries,
# so they are the Debian runtime packages (Qt 6, ...) the build actually links.
include(GNUInstallDirs)
if(SDLAB_BUILD_GUI)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/sdlab.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/sdlab.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  # The built-in presets are compiled into sdlab; these copies are for users to read,
  # copy and edit (File > Open Preset).
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/presets/
          DESTINATION ${CMAKE_INSTALL_DATADIR}/sdlab/presets)
endif()

set(CPACK_PACKAGE_NAME sigma-delta-lab)
set(CPACK_PACKAGE_VENDOR "Sigma-Delta Lab")
set(CPACK_PACKAGE_CONTACT "Sigma-Delta Lab developers <sdlab@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so shlibdeps cannot see them: the platform plugins (xcb,
# wayland). The SVG plugins come with libqt6svg6, which shlibdeps finds.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
# The data the labs can use without a download: Fashion-MNIST (Learning lab), and
# opencv-doc's digits.png and sample videos (Learning and Video labs).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist, opencv-doc")
set(CPACK_STRIP_FILES ON)
include(CPack)
