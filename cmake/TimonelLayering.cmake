# Enforces the direction of dependencies at configure time: a library that links (directly or
# through another library) something its layer may not use stops the configuration with a
# message naming the chain. Rules (README "Architecture"):
#   kube_*            never QtGui, QtWidgets, or any library above kube/
#   timonel_models    QtCore only: no QtGui, no QtWidgets, no views
#   timonel_editor    its core must not reach views

# Collects the link closure of target into out_var (targets and plain names).
function(_timonel_link_closure target out_var)
  set(seen "")
  set(queue "${target}")
  while(queue)
    list(POP_FRONT queue current)
    if(current IN_LIST seen)
      continue()
    endif()
    list(APPEND seen "${current}")
    if(NOT TARGET "${current}")
      continue()
    endif()
    get_target_property(aliased "${current}" ALIASED_TARGET)
    if(aliased)
      list(APPEND queue "${aliased}")
    endif()
    get_target_property(type "${current}" TYPE)
    set(props INTERFACE_LINK_LIBRARIES)
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
      list(APPEND props LINK_LIBRARIES)
    endif()
    foreach(prop IN LISTS props)
      get_target_property(deps "${current}" ${prop})
      if(deps)
        foreach(dep IN LISTS deps)
          # Strip generator expressions such as $<LINK_ONLY:x>.
          string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
          if(dep MATCHES "^\\$<")
            continue()
          endif()
          list(APPEND queue "${dep}")
        endforeach()
      endif()
    endforeach()
  endwhile()
  set(${out_var} "${seen}" PARENT_SCOPE)
endfunction()

# timonel_forbid_links(TARGETS a b FORBIDDEN x y): fails when any target reaches a forbidden one.
function(timonel_forbid_links)
  cmake_parse_arguments(F "" "" "TARGETS;FORBIDDEN" ${ARGN})
  foreach(target IN LISTS F_TARGETS)
    if(NOT TARGET "${target}")
      continue()
    endif()
    _timonel_link_closure("${target}" closure)
    foreach(bad IN LISTS F_FORBIDDEN)
      if(bad IN_LIST closure)
        message(FATAL_ERROR "Layering: ${target} links ${bad}, which its layer may not use "
                            "(see README, Architecture). Its link closure: ${closure}")
      endif()
    endforeach()
  endforeach()
endfunction()

function(timonel_check_layering)
  get_property(kube_targets GLOBAL PROPERTY TIMONEL_KUBE_TARGETS)
  timonel_forbid_links(TARGETS ${kube_targets}
    FORBIDDEN Qt6::Gui Qt6::Widgets Qt6::Charts timonel_models timonel_editor timonel_views timonel_app)
  timonel_forbid_links(TARGETS timonel_models
    FORBIDDEN Qt6::Gui Qt6::Widgets timonel_views timonel_app)
  timonel_forbid_links(TARGETS timonel_views FORBIDDEN timonel_app)
endfunction()
